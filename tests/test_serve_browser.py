"""The preview in headless Chromium: a save shows up by itself, and so does a broken file."""

from __future__ import annotations

import pytest
from gates.browser import launched_chromium, missing_chromium
from test_serve import Running

if missing_chromium():
    pytest.skip(missing_chromium(), allow_module_level=True)
from playwright.sync_api import Page, expect  # noqa: E402

WAIT_MS = 10_000

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser(request):
    """Debian's Chromium for this module."""
    with launched_chromium(request) as chromium:
        yield chromium


@pytest.fixture
def page(browser):
    """A fresh tab."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


class Handshakes:
    """Counts livereload handshakes as the page sends them (listening from each socket's
    creation, so that a fast handshake is never missed)."""

    def __init__(self, page: Page):
        self.page, self.count = page, 0
        page.on("websocket", lambda socket: socket.on("framesent", self._sent))

    def _sent(self, data) -> None:
        self.count += '"info"' in str(data)

    def after(self, action) -> None:
        """Do `action`; return once the page it leads to is connected for the next reload."""
        before = self.count
        action()
        for _ in range(WAIT_MS // 10):
            if self.count > before:
                return
            self.page.wait_for_timeout(10)
        raise AssertionError("the page did not connect to the reload socket")


def test_saves_and_mistakes_show_in_the_page_by_themselves(page: Page, tmp_path):
    server = Running(tmp_path)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    source = server.content / "industry.en.md"
    handshakes = Handshakes(page)
    try:
        handshakes.after(lambda: page.goto(f"http://127.0.0.1:{server.port}/en/industry/"))
        main, alert = page.locator("main"), page.locator("[data-preview-problems][role=alert]")
        expect(main).to_contain_text("joint labs")

        handshakes.after(lambda: server.edit(source, "- joint labs", "- joint research units"))
        expect(main).to_contain_text("joint research units", timeout=WAIT_MS)

        handshakes.after(lambda: server.edit(source, "title: Industry\n", "title: [Industry\n"))
        expect(alert).to_contain_text("industry.en.md:2:8: invalid YAML", timeout=WAIT_MS)
        expect(alert).to_contain_text("still shows the last good build")
        expect(main).to_contain_text("joint research units")  # the last good build, under it

        handshakes.after(lambda: server.edit(source, "title: [Industry\n", "title: Industry\n"))
        expect(alert).to_have_count(0, timeout=WAIT_MS)
        expect(page.locator("h1")).to_have_text("Industry")
        assert errors == []
    finally:
        server.stop()
