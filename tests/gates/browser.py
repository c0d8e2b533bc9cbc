"""Debian's Chromium driven by Playwright, whose own browsers are never downloaded."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@contextlib.contextmanager
def launched_chromium(request) -> Iterator:
    """A browser for one test module, with a Playwright of the module's own, stopped after
    it so that later tests may run an asyncio loop (pytest-playwright's is reused if it is
    already running: only one is allowed per thread)."""
    if reason := missing_chromium():
        pytest.skip(reason)
    from playwright.sync_api import Error, sync_playwright

    with contextlib.ExitStack() as stack:
        try:
            driver = sync_playwright().start()
            stack.callback(driver.stop)
        except Error:
            driver = request.getfixturevalue("playwright")
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        yield browser


def missing_chromium() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if importlib.util.find_spec("playwright") is None:
        return "playwright is missing: pip install -e '.[test]' (tests/run.sh does)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing: install Debian's chromium (tests/run.sh does)"
    return None
