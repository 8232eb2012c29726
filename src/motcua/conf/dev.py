"""The embedded setup `make demo` runs: SQLite, inline jobs, local files, mail to files."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F403

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (WhiteNoise warns when it is missing)
