"""Playwright driving Debian's Chromium (never a downloaded browser), for the browser tests."""

import os
from pathlib import Path
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Flags for a root user on a machine with no outside network (see RECIPES.md).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--lang=vi",
]


def chromium_or_skip() -> str:
    """The Chromium executable; CI must have it, elsewhere the browser tests are skipped."""
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"Chromium is missing at {CHROMIUM}: CI must run the browser tests")
    pytest.skip(f"Chromium is not installed at {CHROMIUM}")


def screenshot_path(name: str) -> Path:
    """Where a browser test saves a screenshot; `make screenshots` points it at docs/img."""
    folder = Path(os.environ.get("MOTCUA_SCREENSHOT_DIR", Path(os.environ["DATA_DIR"]) / "shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}.png"
