"""The project's own content, built: every page parses, ids are unique, every internal
link and image resolves to a file of the output, and the figures agree with the data."""

import html.parser
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.gate  # the whole real site: with the validators, not the fast tests

LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


class PageParser(html.parser.HTMLParser):
    """Collect ids and internal links, and notice unbalanced elements."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links, self.stack, self.problems = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        name = LINK_ATTRIBUTES.get(tag)
        if name and attrs.get(name) and (tag != "link" or attrs.get("rel") in
                                          ("stylesheet", "icon")):
            self.links.append((attrs[name], self.getpos()[0]))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"line {self.getpos()[0]}: unexpected </{tag}>")
        else:
            self.stack.pop()


def parse(file: Path) -> PageParser:
    parser = PageParser()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    return parser


def test_every_page_parses_with_unique_ids_and_resolving_links(real_site):
    problems, pages = [], sorted(real_site.rglob("*.html"))
    assert len(pages) > 2000
    parsed = {page: parse(page) for page in pages}
    for page, found in parsed.items():
        rel = page.relative_to(real_site)
        problems += [f"{rel}: {p}" for p in found.problems]
        if found.stack:
            problems.append(f"{rel}: unclosed {found.stack}")
        duplicates = {i for i in found.ids if found.ids.count(i) > 1}
        if duplicates:
            problems.append(f"{rel}: duplicate ids {sorted(duplicates)}")
        for url, line in found.links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue
            target = real_site / unquote(parts.path).lstrip("/") if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{rel}:{line}: broken link {url}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in \
                    parsed[target].ids:
                problems.append(f"{rel}:{line}: missing anchor {url}")
    assert problems == []


def test_every_page_has_a_title_and_a_meta_description(real_site):
    missing = []
    for page in sorted(real_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if page.name == "404.html":
            assert '<meta name="robots" content="noindex">' in text
        elif not re.search(r'<meta name="description" content="[^"]{20,}">', text) or \
                not re.search(r"<title>[^<]+</title>", text):
            missing.append(str(page.relative_to(real_site)))
    assert missing == []


def test_every_section_and_figure_of_the_brief_is_published(real_site):
    english = (real_site / "en" / "index.html").read_text(encoding="utf-8")
    french = (real_site / "fr" / "index.html").read_text(encoding="utf-8")
    for html_text in (english, french):
        for url in re.findall(r'href="(/(?:en|fr)/[^"#]*)"', html_text):
            assert (real_site / url.lstrip("/") / "index.html").is_file(), url
    assert "40.3%" in english and "40,3\u00a0%" in french
    assert "10,000" in english and "10\u202f000" in french
    agency = (real_site / "en" / "regional-ecosystem" / "programme-agency" / "index.html")
    assert "This page is only available in French." in agency.read_text(encoding="utf-8")
    assert 'lang="fr"' in agency.read_text(encoding="utf-8")
    for credit in ("Thibaut VERGOZ/IRAM/CNRS Images", "Cyril Frésillon / Virgo / CNRS Images"):
        assert any(credit in p.read_text(encoding="utf-8")
                   for p in (real_site / "en").rglob("index.html") if "laboratories" not in
                   p.parts), credit


def test_directory_figures_on_the_landing_page_match_the_directory(real_site):
    labs = json.loads((real_site / "en" / "labs.json").read_text(encoding="utf-8"))["labs"]
    abroad = sum(lab["country"] != "France" for lab in labs)
    for lang, in_directory in (("en", "in the directory"), ("fr", "dans l’annuaire")):
        landing = (real_site / lang / "index.html").read_text(encoding="utf-8")
        values = re.findall(r'<span class="figure-value">([^<]*)</span>', landing)
        in_france = f"{len(labs) - abroad:,}".replace(",", "," if lang == "en" else "\u202f")
        assert in_france in values
        assert f"{abroad}" in values  # 60, as the data says (not an editorial 80)
        sources = re.findall(r'<span class="figure-source">(.*?)</span>', landing)
        assert len(sources) == len(values)
        assert sum(in_directory in source for source in sources) == 2


def index_of(real_site: Path, lang: str) -> dict:
    """The directory's search index as the page's script reads it."""
    script = (real_site / lang / "labs-index.js").read_text(encoding="utf-8")
    return json.loads(script.removeprefix("window.labIndex = ").rstrip(";\n"))


def test_the_real_directory_is_readable_and_placed(real_site):
    from duosite.text.regions import regions

    for lang in ("en", "fr"):
        labs = index_of(real_site, lang)["labs"]
        in_france = [lab for lab in labs if lab["g"] == "France"]
        placed = [lab for lab in in_france if lab["r"] != "none"]
        assert len(placed) / len(in_france) >= 0.98
        official = {region.slug(lang) for region in regions().values()}
        assert {lab["r"] for lab in placed} <= official
        names = [lab["n"] for lab in labs]
        assert sum(name == name.upper() for name in names) / len(names) <= 0.01
        page = (real_site / lang / ("laboratories" if lang == "en" else "laboratoires")
                / "regions" / "index.html").read_text(encoding="utf-8")
        columns = page.split('class="facet-columns"')[1].split("</ul>")[0]
        shown = set(re.findall(r'<li><a href="[^"]+">([^<]+)</a>', columns))
        expected = {html.unescape(r.name(lang)) for r in regions().values()}
        missing_label = "Region not given in the registry" if lang == "en" else \
            "Région non renseignée dans le registre"
        assert {html.unescape(s) for s in shown} - expected == {missing_label}
    french = (real_site / "fr" / "laboratoires" / "index.html").read_text(encoding="utf-8")
    for english in ("Brittany", "Normandy", "Corsica", ">Rhône-Alpes<", "Îles du Vent"):
        assert english not in french
    supervisors = index_of(real_site, "en")["supervisors"]
    assert any(acronym == "INSERM" for _, acronym, _ in supervisors)
    assert (real_site / "en" / "laboratories" / "index.html").stat().st_size < 150_000
