"""What a French public body's site must and should have, checked on the real built site as a
visitor sees it: footer obligations, phone header and menu, site search, French spacing,
sharing tags and print."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import project
from gates.browser import CHROMIUM, launched_chromium
from gates.checkers import axe_violations, missing_axe
from gates.server import serving

from duosite import build
from duosite.problems import BuildFailed
from duosite.publish import search

# (page type, English URL, French URL)
PAGES = [
    ("home", "/en/", "/fr/"),
    ("section", "/en/regional-ecosystem/", "/fr/ecosysteme-regional/"),
    ("fallback", "/en/regional-ecosystem/programme-agency/",
     "/fr/ecosysteme-regional/agence-de-programmes/"),
    ("directory", "/en/laboratories/", "/fr/laboratoires/"),
    ("facet", "/en/laboratories/institutes/insmi/", "/fr/laboratoires/instituts/insmi/"),
    ("lab", "/en/laboratories/umr-5219/", "/fr/laboratoires/umr-5219/"),
    ("legal notice", "/en/legal-notice/", "/fr/mentions-legales/"),
    ("accessibility", "/en/accessibility/", "/fr/accessibilite/"),
    ("sitemap", "/en/sitemap/", "/fr/plan-du-site/"),
    ("search", "/en/search/", "/fr/recherche/"),
    ("404", "/en/404.html", "/fr/404.html"),
]
VISITS = [pytest.param(url, lang, id=f"{kind}-{lang}") for kind, en, fr in PAGES
          for url, lang in ((en, "en"), (fr, "fr"))]
FOOTER = {"en": ["Legal notice", "Accessibility: non-compliant", "Personal data", "Contact",
                 "Sitemap"],
          "fr": ["Mentions légales", "Accessibilité\u00a0: non conforme",
                 "Données personnelles", "Contact", "Plan du site"]}
PHONE = {"width": 375, "height": 667}


@pytest.fixture(scope="module")
def site_url(real_site: Path):
    """The real site, built once per session, served on 127.0.0.1."""
    with serving(real_site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium(request):
    """Debian's Chromium for this module."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (tests/run.sh installs it)")
    pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with launched_chromium(request) as browser:
        yield browser


def open_page(chromium, url: str, **options):
    """A page in a fresh context that can reach nothing but the local server."""
    context = chromium.new_context(**options)
    context.route(re.compile(r"^(?!http://127\.0\.0\.1:)"), lambda route: route.abort())
    page = context.new_page()
    page.goto(url)
    return context, page


@pytest.mark.browser
@pytest.mark.parametrize(("url", "lang"), VISITS)
def test_footer_obligations_on_every_page_type(chromium, site_url, url, lang):
    context, page = open_page(chromium, site_url + url)
    try:
        links = page.locator(".site-footer .footer-links a")
        assert links.all_inner_texts() == FOOTER[lang]
        for href in links.evaluate_all("links => links.map(a => a.href)"):
            assert page.request.get(href).status == 200, href
        assert page.locator('meta[property="og:title"]').count() == 1
        assert page.locator('meta[property="og:image:alt"]').count() == 1
    finally:
        context.close()


@pytest.mark.browser
def test_the_language_chooser_has_both_footers(chromium, site_url):
    context, page = open_page(chromium, site_url + "/")
    try:
        assert page.locator('.site-footer [lang="en"] a').all_inner_texts() == FOOTER["en"]
        assert page.locator('.site-footer [lang="fr"] a').all_inner_texts() == FOOTER["fr"]
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("url", ["/en/accessibility/", "/fr/accessibilite/"])
def test_accessibility_statement_states_the_conformity_and_how_it_was_assessed(
        chromium, site_url, url):
    context, page = open_page(chromium, site_url + url)
    try:
        status = page.locator(".conformity").inner_text()
        assert status in ("Accessibility: non-compliant", "Accessibilité\u00a0: non conforme")
        text = page.locator("main").inner_text()
        assert "axe-core" in text and "Nu Html Checker" in text and "RGAA" in text
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("url", ["/en/laboratories/umr-5219/", "/fr/ecosysteme-regional/"])
def test_phone_header_is_short_and_its_menu_button_works(chromium, site_url, url):
    context, page = open_page(chromium, site_url + url, viewport=PHONE)
    try:
        header = page.locator(".site-header")
        button = page.locator(".menu-button")
        nav = page.locator("#main-nav a")
        assert header.bounding_box()["height"] <= 160
        assert button.is_visible() and button.get_attribute("aria-expanded") == "false"
        assert button.get_attribute("aria-controls") == "main-nav"
        assert not nav.first.is_visible()
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        assert nav.first.is_visible() and nav.last.is_visible()
        page.keyboard.press("Tab")  # into the menu, then out with Escape
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert not nav.first.is_visible()
        assert page.evaluate("document.activeElement.className") == "menu-button"
        button.click()
        assert page.get_by_role("button", name="Menu").get_attribute("aria-expanded") == "true"
    finally:
        context.close()


@pytest.mark.browser
def test_phone_header_without_javascript_keeps_every_link_reachable(chromium, site_url):
    context, page = open_page(chromium, site_url + "/fr/", viewport=PHONE,
                              java_script_enabled=False)
    try:
        assert page.locator(".site-header").bounding_box()["height"] <= 160
        assert not page.locator(".menu-button").is_visible()
        links = page.locator("#main-nav a")
        assert links.count() > 5
        links.last.focus()  # the one line of links scrolls to what has the focus
        box = links.last.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"] + 1
        assert page.locator(".site-search input").is_visible()
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 768, 1280, 1600])
def test_navigation_lines_up_with_the_content_column(chromium, site_url, width):
    context, page = open_page(chromium, site_url + "/en/industry/",
                              viewport={"width": width, "height": 900})
    try:
        if page.locator(".menu-button").is_visible():
            page.locator(".menu-button").click()
        first_link = page.locator("#main-nav a").first.bounding_box()
        heading = page.locator("main h1").bounding_box()
        assert abs(first_link["x"] - heading["x"]) <= 1
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("start", "word", "found"), [
    ("/en/laboratories/", "telescopes", "/en/research-infrastructure/"),
    ("/fr/laboratoires/umr-5219/", "télescopes", "/fr/infrastructures-de-recherche/"),
    ("/en/", "Toulouse Mathematics", "/en/laboratories/umr-5219/"),
])
def test_search_from_the_header_finds_pages_by_their_text(chromium, site_url, start, word,
                                                          found):
    context, page = open_page(chromium, site_url + start)
    try:
        page.locator("#site-search-q").fill(word)
        with page.expect_navigation():
            page.locator("#site-search-q").press("Enter")
        page.locator("#search-results a").first.wait_for()
        hrefs = page.locator("#search-results a").evaluate_all(
            "links => links.map(a => new URL(a.href).pathname)")
        assert found in hrefs[:5]
        assert page.locator("#search-status").inner_text().split()[0].isdigit()
        if missing_axe() is None:
            assert axe_violations(page) == []
    finally:
        context.close()


@pytest.mark.browser
def test_search_without_javascript_points_to_the_sitemap_and_the_directory(chromium, site_url):
    context, page = open_page(chromium, site_url + "/fr/", java_script_enabled=False)
    try:
        page.locator("#site-search-q").fill("télescopes")
        with page.expect_navigation():
            page.locator("#site-search-q").press("Enter")
        fallback = page.locator(".search-fallback a")
        assert fallback.all_inner_texts() == ["Plan du site", "Annuaire des laboratoires"]
    finally:
        context.close()


@pytest.mark.browser
def test_print_keeps_the_site_name_the_page_url_and_link_targets(chromium, site_url):
    context, page = open_page(chromium, site_url + "/en/public-sector/")
    try:
        page.emulate_media(media="print")
        assert page.locator(".site-name").is_visible()
        assert page.locator(".print-url").inner_text().endswith("/en/public-sector/")
        assert not page.locator("#main-nav").is_visible()
        after = page.locator("main .content a[href^='/']").first.evaluate(
            "a => getComputedStyle(a, '::after').content")
        assert "https://partnerships.example.org/en/" in after
    finally:
        context.close()


@pytest.mark.browser
def test_home_page_shows_figures_and_the_directory_on_the_first_screen(chromium, site_url):
    for viewport in ({"width": 1280, "height": 800}, PHONE):
        context, page = open_page(chromium, site_url + "/fr/", viewport=viewport)
        try:
            entry = page.locator(".directory-entry input").bounding_box()
            figure = page.locator(".key-figures .figure-value").first.bounding_box()
            assert entry["y"] + entry["height"] <= viewport["height"]
            assert figure["y"] + figure["height"] <= viewport["height"]
            assert page.locator(".home-more h2").count() >= 5
        finally:
            context.close()


class _Text(HTMLParser):
    """The text a reader sees: everything but scripts and styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def test_french_pages_have_no_ordinary_space_before_high_punctuation(real_site):
    found = []
    pages = sorted((real_site / "fr").rglob("*.html")) + [real_site / "index.html"]
    for file in pages:
        reader = _Text()
        reader.feed(file.read_text(encoding="utf-8"))
        found += [(file.relative_to(real_site).as_posix(), m.group(0)) for m in
                  re.finditer(r"\S{0,20} [:;!?»]", "".join(reader.parts))]
    assert len(pages) > 1000
    assert found == []


def test_sitemap_page_lists_every_page_of_its_language(real_site):
    sitemap = (real_site / "fr" / "plan-du-site" / "index.html").read_text(encoding="utf-8")
    sitemap = sitemap.split('<ul class="sitemap">')[1].split("</main>")[0]
    listed = set(re.findall(r'<li[^>]*><a href="(/fr/[^"]*)"', sitemap))
    published = {"/" + p.parent.relative_to(real_site).as_posix() + "/"
                 for p in (real_site / "fr").rglob("index.html")}
    assert published - listed == {"/fr/plan-du-site/", "/fr/recherche/"}
    assert len(listed) > 1100


def test_pages_have_sharing_tags_and_structured_data(real_site):
    html = (real_site / "fr" / "mentions-legales" / "index.html").read_text(encoding="utf-8")
    for tag in ('property="og:url" content="https://partnerships.example.org/fr/mentions-legales/"',
                'property="og:locale" content="fr_FR"',
                'property="og:locale:alternate" content="en_GB"',
                'property="og:image" content="https://partnerships.example.org/assets/share.'):
        assert tag in html
    assert '"@type":"Organization"' in html and '"@type":"WebPage"' in html


def test_the_search_index_is_built_before_the_site_is_published(site, monkeypatch):
    site.write({"index.en.md": "---\ntitle: Home\n---\nFirst.\n"}).build(search_index=True)
    assert (site.output / "pagefind" / "pagefind-entry.json").is_file()
    before = {p: p.read_bytes() for p in site.output.rglob("*") if p.is_file()}
    site.write({"index.en.md": "---\ntitle: Home\n---\nSecond.\n"})
    monkeypatch.setattr(search, "pagefind_executable", lambda: None)
    with pytest.raises(BuildFailed) as failed:
        build.build_site(project(site.tmp))
    assert [str(p) for p in failed.value.problems] == [
        "pagefind: the search indexer is not installed: run `python3 -m pip install -e .` "
        "(it installs pagefind-bin)"]
    assert {p: p.read_bytes() for p in site.output.rglob("*") if p.is_file()} == before


def test_generated_legal_pages_show_the_facts_of_site_yaml(site):
    site.write({
        "site.yaml": """
            name: {en: Example, fr: Exemple}
            base_url: https://example.org
            publisher: {name: Example Centre, address: "1 rue de l’Exemple, Paris"}
            director: Ada Example
            host: {name: Example Hosting, address: "2 rue de l’Hôte, Lyon"}
            contact: {email: team@example.org}
            accessibility: {status: partially-compliant, date: 2026-01-15}
        """,
        "index.en.md": "---\ntitle: Home\n---\nHello.\n",
        "index.fr.md": "---\ntitle: Accueil\n---\nBonjour.\n",
    }).build()
    legal = site.page("/fr/mentions-legales/")
    assert "Ada Example" in legal and "2 rue de l’Hôte, Lyon" in legal
    assert "Accessibilité\u00a0: partiellement conforme" in site.page("/fr/accessibilite/")
    assert "15 janvier 2026" in site.page("/fr/accessibilite/")
    assert "no cookies" in site.page("/en/personal-data/")
    assert 'href="mailto:team@example.org"' in site.page("/en/contact/")
    assert "Accessibility: partially compliant" in site.page("/en/")


def test_a_bare_tree_still_states_its_conformity(site):
    site.write({"index.en.md": "---\ntitle: Home\n---\nHello.\n"}).build()
    home = site.page("/en/")
    assert "<li>Accessibility: non-compliant</li>" in home
    assert 'href="/en/sitemap/"' in home and "/en/legal-notice/" not in home

