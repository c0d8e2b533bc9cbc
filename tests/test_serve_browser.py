"""The preview in headless Chromium: a save shows up by itself, and so does a broken file."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_serve import Running

CHROMIUM = Path("/usr/bin/chromium")
WAIT_MS = 10_000

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is needed")]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, headless, offline (Playwright's own browsers are never downloaded)."""
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "headless": True,
            "args": ["--no-sandbox", "--headless", "--disable-gpu",
                     "--disable-background-networking", "--disable-component-update",
                     "--no-first-run"]}


def reloads_into(page: Page, action) -> None:
    """Do `action`, and return once the page it leads to is connected for the next reload."""
    with page.expect_websocket(lambda ws: ws.url.endswith("/livereload"),
                               timeout=WAIT_MS) as socket:
        action()
    socket.value.wait_for_event("framesent", predicate=lambda data: '"info"' in str(data),
                                timeout=WAIT_MS)


def test_saves_and_mistakes_show_in_the_page_by_themselves(page: Page, tmp_path):
    server = Running(tmp_path)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    source = server.content / "industry.en.md"
    try:
        reloads_into(page, lambda: page.goto(f"http://127.0.0.1:{server.port}/en/industry/"))
        main, alert = page.locator("main"), page.locator("[data-preview-problems][role=alert]")
        expect(main).to_contain_text("joint labs")

        reloads_into(page, lambda: server.edit(source, "- joint labs", "- joint research units"))
        expect(main).to_contain_text("joint research units", timeout=WAIT_MS)

        reloads_into(page, lambda: server.edit(source, "title: Industry\n", "title: [Industry\n"))
        expect(alert).to_contain_text("industry.en.md:2:8: invalid YAML", timeout=WAIT_MS)
        expect(alert).to_contain_text("still shows the last good build")
        expect(main).to_contain_text("joint research units")  # the last good build, under it

        reloads_into(page, lambda: server.edit(source, "title: [Industry\n", "title: Industry\n"))
        expect(alert).to_have_count(0, timeout=WAIT_MS)
        expect(page.locator("h1")).to_have_text("Industry")
        assert errors == []
    finally:
        server.stop()
