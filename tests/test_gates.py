"""Publishing gates on the real built site: every page type in both languages loads cleanly in
headless Chromium, its language switcher lands on the counterpart, the directory works without
JavaScript, axe-core finds no serious violation, and the Nu HTML checker no error.

These take about a minute; `bash tests/run.sh -m "not browser and not gate"` skips them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT, project
from gates.browser import launched_chromium
from gates.checkers import axe_violations, describe, missing_axe, missing_vnu, vnu_errors
from gates.server import serving

from duosite.check.command import status_page

# (page type, English URL, French URL): each is the other's counterpart in the switcher
PAGES = [
    ("home", "/en/", "/fr/"),
    ("section", "/en/regional-ecosystem/", "/fr/ecosysteme-regional/"),
    ("sub-page", "/en/regional-ecosystem/site-policies/",
     "/fr/ecosysteme-regional/politiques-de-site/"),
    ("fallback", "/en/regional-ecosystem/programme-agency/",
     "/fr/ecosysteme-regional/agence-de-programmes/"),
    ("directory", "/en/laboratories/", "/fr/laboratoires/"),
    ("list page", "/en/laboratories/page-2/", "/fr/laboratoires/page-2/"),
    ("not given", "/en/laboratories/institutes/not-given/page-2/",
     "/fr/laboratoires/instituts/non-renseigne/page-2/"),
    ("facet list", "/en/laboratories/institutes/", "/fr/laboratoires/instituts/"),
    ("facet", "/en/laboratories/institutes/insmi/", "/fr/laboratoires/instituts/insmi/"),
    ("lab", "/en/laboratories/umr-5219/", "/fr/laboratoires/umr-5219/"),
    ("404", "/en/404.html", "/fr/404.html"),
    ("legal notice", "/en/legal-notice/", "/fr/mentions-legales/"),
    ("accessibility", "/en/accessibility/", "/fr/accessibilite/"),
    ("personal data", "/en/personal-data/", "/fr/donnees-personnelles/"),
    ("contact", "/en/contact/", "/fr/contact/"),
    ("sitemap", "/en/sitemap/", "/fr/plan-du-site/"),
    ("search", "/en/search/", "/fr/recherche/"),
]
VISITS = [pytest.param(url, other, lang, id=f"{kind}-{lang}") for kind, en, fr in PAGES
          for url, other, lang in ((en, fr, "en"), (fr, en, "fr"))]
EVERY_PAGE = [*VISITS, pytest.param("/", None, "en", id="chooser")]


@pytest.fixture(scope="module")
def site_url(real_site: Path):
    """The real site, built once per session, served on 127.0.0.1."""
    with serving(real_site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium(request):
    """Debian's Chromium for this module."""
    with launched_chromium(request) as browser:
        yield browser


@pytest.fixture
def tab(chromium):
    """A fresh page that records console errors, script errors and failed requests."""
    context = chromium.new_context()
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.problems.append(f"script error: {e}"))
    page.on("requestfailed", lambda r: page.problems.append(f"failed: {r.url} {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and page.problems.append(
        f"HTTP {r.status}: {r.url}"))
    yield page
    context.close()


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.mark.browser
@pytest.mark.gate
@pytest.mark.parametrize(("url", "counterpart", "lang"), EVERY_PAGE)
def test_page_loads_without_errors(tab, site_url, url, counterpart, lang):
    response = tab.goto(site_url + url, wait_until="load")
    assert response.status == 200
    assert tab.locator("html").get_attribute("lang") == lang
    assert tab.locator("h1").count() >= 1
    assert tab.problems == []


@pytest.mark.browser
@pytest.mark.gate
@pytest.mark.parametrize(("url", "counterpart", "lang"), VISITS)
def test_switcher_lands_on_the_counterpart(tab, site_url, url, counterpart, lang):
    other = "fr" if lang == "en" else "en"
    tab.goto(site_url + url)
    with tab.expect_navigation():
        tab.locator(f'.language-switcher a[lang="{other}"]').click()
    assert path_of(tab.url) == counterpart
    assert tab.locator("html").get_attribute("lang") == other
    tab.wait_for_load_state("load")
    # leaving a page cancels what it was still fetching (its icon): not a fault of either page
    assert [p for p in tab.problems if not p.endswith("net::ERR_ABORTED")] == []


@pytest.mark.browser
@pytest.mark.gate
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_language_chooser_leads_to_each_home(tab, site_url, lang):
    tab.goto(site_url + "/")
    with tab.expect_navigation():
        tab.locator(f'a[hreflang="{lang}"]').click()
    assert path_of(tab.url) == f"/{lang}/"
    assert tab.locator("html").get_attribute("lang") == lang


@pytest.mark.browser
@pytest.mark.gate
def test_directory_works_without_javascript(chromium, site_url):
    labs = len(list((ROOT / "content" / "labs").glob("*.yaml")))
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "/en/laboratories/")
        assert not page.locator("#lab-filters").is_visible()  # the search needs JavaScript
        assert page.locator("#lab-range").inner_text() == f"Laboratories 1 to 100 of {labs:,}"
        seen = 0
        while True:  # every lab, a hundred a page, through the rel=next links
            seen += page.locator("#lab-list > li:visible, .lab-list > li:visible").count()
            following = page.locator('a[rel="next"]')
            if not following.count():
                break
            with page.expect_navigation():
                following.first.click()
        assert seen == labs
        last_first = (labs - 1) // 100 * 100 + 1
        assert page.locator(".result-count").inner_text() == \
            f"Laboratories {last_first:,} to {labs:,} of {labs:,}"
        page.goto(site_url + "/en/laboratories/")
        with page.expect_navigation():
            page.get_by_role("link", name="Laboratories by institute").click()
        assert path_of(page.url) == "/en/laboratories/institutes/"
        facet = page.locator(".facet-columns li").filter(has_text="Mathematics").first
        count = int(re.search(r"\((\d+)\)", facet.inner_text()).group(1))
        with page.expect_navigation():
            facet.locator("a").click()
        assert path_of(page.url) == "/en/laboratories/institutes/insmi/"
        assert page.locator(".lab-list > li").count() == count > 0
        assert page.locator(".result-count").inner_text() == f"{count} laboratories"
        with page.expect_navigation():
            page.locator(".lab-list a.lab-name").first.click()
        assert page.locator("main h1").count() == 1 and "/en/laboratories/" in page.url
    finally:
        context.close()


def shown_and_said(tab) -> tuple[int, str]:
    """How many labs the directory shows, and what its count says."""
    return tab.locator("#lab-list > li:visible").count(), tab.locator("#lab-count").inner_text()


def said(number: int, lang: str) -> str:
    """The count as the directory should word it."""
    if lang == "en":
        return f"{number:,} laborator{'y' if number == 1 else 'ies'}"
    return f"{number:,}".replace(",", "\u202f") + f" laboratoire{'' if number < 2 else 's'}"


@pytest.mark.browser
@pytest.mark.gate
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_count_always_says_how_many_labs_are_shown(tab, site_url, lang):
    labs = len(list((ROOT / "content" / "labs").glob("*.yaml")))
    tab.goto(site_url + ("/en/laboratories/" if lang == "en" else "/fr/laboratoires/"))
    count = tab.locator("#lab-count")
    assert (count.get_attribute("role"), count.get_attribute("aria-live")) == ("status", "polite")
    assert shown_and_said(tab) == (labs, said(labs, lang))
    for query in ("Inserm", "UMR7144", "umr 7144", "INRAE", "toulouse", "ECOLE",
                  "génie civil", "zzzz", ""):
        tab.locator("#lab-q").fill(query)
        shown, text = shown_and_said(tab)
        assert text == said(shown, lang), query
        if query in ("Inserm", "UMR7144", "umr 7144", "INRAE"):
            assert shown > 0, query
    tab.select_option("#lab-institute", "none")
    shown, text = shown_and_said(tab)
    assert 0 < shown < labs and text == said(shown, lang)
    option = tab.locator('#lab-institute option[value="none"]').inner_text()
    assert option.endswith(said(shown, lang))  # 'Institute not given in the registry: N …'
    assert tab.problems == []


@pytest.mark.browser
@pytest.mark.gate
def test_an_exact_code_or_acronym_comes_first(tab, site_url):
    tab.goto(site_url + "/en/laboratories/")
    for query in ("UMR7144", "umr 7144", "UMR 5219", "IMT"):
        tab.locator("#lab-q").fill(query)
        first = tab.locator("#lab-list > li").first
        meta, name = first.locator(".lab-meta").inner_text(), first.inner_text()
        assert query.replace(" ", "").upper() in meta.replace(" ", "") or f"({query})" in name


@pytest.mark.browser
@pytest.mark.gate
@pytest.mark.parametrize("size", [(1280, 800), (375, 667)], ids=["desktop", "phone"])
@pytest.mark.parametrize("url", ["/en/laboratories/", "/fr/laboratoires/"])
def test_search_and_filters_are_on_the_first_screen(chromium, site_url, url, size):
    context = chromium.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        page.goto(site_url + url)
        for field in ("#lab-q", "#lab-institute", "#lab-region", "#lab-country",
                      "#lab-supervisor"):
            box = page.locator(field).bounding_box()
            assert box and box["y"] + box["height"] <= size[1], field
        assert page.locator(".downloads").is_visible()
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.gate
def test_directory_search_and_facets_combine_and_survive_a_reload(tab, site_url):
    tab.goto(site_url + "/fr/laboratoires/")
    count = tab.locator("#lab-count")
    total = tab.locator("#lab-list > li").count()
    tab.locator("#lab-q").press_sequentially("ECOLE")  # accents and case do not matter
    with_query = tab.locator("#lab-list > li:visible").count()
    assert 0 < with_query < total
    tab.locator("#lab-q").fill("")
    tab.select_option("#lab-institute", "INSMI")
    tab.select_option("#lab-region", "occitanie")
    shown = tab.locator("#lab-list > li:visible")
    both = shown.count()
    assert 0 < both < total
    assert set(shown.evaluate_all(
        "items => items.map(li => li.querySelector('.lab-meta').textContent.split(' · ')"
        ".pop())")) == {"INSMI"}
    assert count.inner_text() == said(both, "fr")
    assert path_of(tab.url) == "/fr/laboratoires/?institute=INSMI&region=occitanie"
    tab.reload()
    assert tab.locator("#lab-institute").input_value() == "INSMI"
    assert tab.locator("#lab-list > li:visible").count() == both
    tab.goto(site_url + "/fr/laboratoires/?institute=INSMI&region=Occitanie")  # an older link
    assert tab.locator("#lab-region").input_value() == "occitanie"
    assert tab.locator("#lab-list > li:visible").count() == both
    tab.select_option("#lab-region", "none")  # labs in France whose region is not known
    assert count.inner_text() == said(tab.locator("#lab-list > li:visible").count(), "fr")
    tab.keyboard.press("Tab")  # everything is reachable from the keyboard
    assert tab.problems == []


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower())
                   if not unicodedata.combining(c))


@pytest.mark.browser
@pytest.mark.gate
@pytest.mark.parametrize(("url", "counterpart", "lang"), EVERY_PAGE)
def test_no_serious_accessibility_violation(tab, site_url, url, counterpart, lang):
    if reason := missing_axe():
        pytest.skip(reason)
    tab.goto(site_url + url)
    violations = axe_violations(tab)
    assert violations == [], f"{url}\n{describe(violations)}"


@pytest.mark.gate
def test_every_page_is_valid_html(real_site, tmp_path):
    if reason := missing_vnu():
        pytest.skip(reason)
    errors = vnu_errors(real_site)
    assert errors == [], "\n".join(errors[:50])


@pytest.mark.gate
def test_translation_status_pages_are_valid_html(tmp_path):
    if reason := missing_vnu():
        pytest.skip(reason)
    (tmp_path / "content").symlink_to(Path(__file__).parent / "fixtures" / "check" / "content")
    for lang in ("en", "fr"):
        page = tmp_path / "status" / lang / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(status_page(project(tmp_path), lang), encoding="utf-8")
    assert vnu_errors(tmp_path / "status") == []


@pytest.mark.browser
@pytest.mark.gate
def test_the_browser_gates_notice_a_broken_page(tab, tmp_path):
    if reason := missing_axe():
        pytest.skip(reason)
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>'
        '<body><main><h1>Broken</h1><img src="missing.png"><script>console.error("oops")'
        "</script></main></body></html>")
    with serving(tmp_path) as url:
        tab.goto(url + "/")
        tab.wait_for_load_state("load")
        violations = axe_violations(tab)
    assert f"HTTP 404: {url}/missing.png" in tab.problems  # (and the icon Chromium asks for)
    assert "console: oops" in tab.problems
    assert [v["id"] for v in violations] == ["image-alt"]
