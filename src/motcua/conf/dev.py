"""The embedded setup `make demo` runs: SQLite, inline jobs, local files, mail to files."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F403
