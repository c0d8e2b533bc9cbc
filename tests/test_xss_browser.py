"""Published XSS vectors in headless Chromium: no dialog opens, nothing is fetched from
another host, on any page that the build published."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from gates.browser import CHROMIUM, launched_chromium
from gates.server import serving
from test_xss_corpus import refused_then_published, sample

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is needed")]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A sample of the vectors in pages and in lab summaries, built; what was published."""
    vectors = sample(20)
    files = {f"v{n:04}.en.md": f"---\ntitle: Vector {n}\n---\nIntro.\n\n{vector}\n"
             for n, vector in enumerate(vectors)}
    for n, vector in enumerate(vectors):
        summary = "\n".join("    " + line for line in vector.splitlines()) or "    x"
        files[f"labs/s{n:04}.yaml"] = (f"code: S {n}\nname:\n  fr: Summary {n}\n"
                                       f"summary:\n  fr: |\n{summary}\n")
    site, _, kept = refused_then_published(tmp_path_factory.mktemp("xss"), files,
                                           dict.fromkeys(files, 1))
    urls = [f"/en/{p.removesuffix('.en.md')}/" if p.endswith(".md") else f"/fr/labs/{p[5:-5]}/"
            for p in kept]
    # a page written past the build, to show that the watch below sees what runs
    control = site.output / "control" / "index.html"
    control.parent.mkdir()
    control.write_text('<img src="x" onerror="alert(7)"><img src="http://evil.example/a.png">')
    return site.output, [*urls, "/control/"]


def test_no_published_vector_runs_script_or_calls_another_host(request, published):
    output, urls = published
    assert len(urls) > 100
    dialogs, foreign = [], []
    with serving(output) as base, launched_chromium(request) as browser:
        context = browser.new_context()
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append((page.url, dialog.message)),
                                          dialog.dismiss()))

        def route(found):
            if urlsplit(found.request.url).hostname not in ("127.0.0.1", None):
                foreign.append((page.url, found.request.url))
                return found.abort()
            return found.continue_()

        context.route("**/*", route)
        for url in urls:
            page.goto(base + url, wait_until="load")
            page.keyboard.press("Tab")  # focus handlers (autofocus, onfocus) get their chance
            page.mouse.move(200, 300)
        context.close()
    assert dialogs == [(f"{base}/control/", "7")]
    assert foreign == [(f"{base}/control/", "http://evil.example/a.png")]
