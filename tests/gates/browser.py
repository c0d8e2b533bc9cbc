"""Debian's Chromium driven by Playwright, whose own browsers are never downloaded."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@contextlib.contextmanager
def launched_chromium(request) -> Iterator:
    """A browser for one test module, with a Playwright of the module's own, stopped after
    it so that later tests may run an asyncio loop (pytest-playwright's is reused if it is
    already running: only one is allowed per thread)."""
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
