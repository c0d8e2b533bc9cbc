"""The pure core as functions: file names to keys, pairing and fallbacks, the URL rule,
slugs, numbers, the sanitiser's policy, problems and the cache."""

from __future__ import annotations

from duosite.cache import Memo, Token
from duosite.content.i18n import number, percent
from duosite.content.pages import pair_translations
from duosite.content.sources import page_identity, parse_page
from duosite.content.urls import assign_urls, check_slug
from duosite.markdown import markup
from duosite.problems import Problem, counted, error, summary_line, warning
from duosite.render import htmlpolicy
from duosite.text.collation import slugify

LANGS = ("en", "fr")


def source(rel: str, front: str = "title: T", body: str = "text"):
    """A parsed page of path `rel` with the given front matter."""
    parsed, problems = parse_page(rel, f"---\n{front}\n---\n{body}\n".encode(), LANGS)
    assert problems == []
    return parsed


def test_a_file_name_gives_the_key_language_and_section():
    assert page_identity("industry.fr.md", LANGS) == ("industry", "fr", False)
    assert page_identity("regional/_index.en.md", LANGS) == ("regional", "en", True)
    assert page_identity("index.en.md", LANGS) == ("", "en", True)
    assert page_identity("about/index.en.md", LANGS) == ("about/index", "en", False)
    assert page_identity("about.md", LANGS) == "page file name must end in .en.md or .fr.md"
    assert page_identity("about.de.md", LANGS) == (
        "language suffix 'de' is not a site language (en, fr)")


def test_translations_pair_by_key_and_a_missing_one_falls_back_with_a_warning():
    graph, problems = pair_translations(
        [source("about.en.md"), source("about.fr.md", "title: À propos"), source("news.en.md")],
        [], LANGS)
    assert graph.get("about", "fr").title == "À propos"
    fallback = graph.get("news", "fr")
    assert (fallback.content_lang, fallback.is_fallback, fallback.title) == ("en", True, "T")
    assert graph.real_languages("news") == ("en",)
    assert [str(p) for p in problems] == [
        "news.en.md:1: warning: fr site: fallback page (no translation yet; shown in en only, "
        "with a notice)"]


def test_a_page_meant_for_one_language_says_so_in_its_fallback_warning():
    _, problems = pair_translations([source("agency.fr.md", "title: A\nonly_in: fr")], [], LANGS)
    assert [p.message for p in problems] == [
        "en site: fallback page (written in fr only, with a notice)"]


def test_drafts_are_left_out_unless_asked_for():
    drafts = [source("plan.en.md", "title: P\ndraft: true")]
    assert pair_translations(drafts, [], LANGS)[0].get("plan", "en") is None
    assert pair_translations(drafts, [], LANGS, include_drafts=True)[0].get("plan", "en")


def test_the_url_rule_uses_each_trees_own_slugs_under_the_base_path():
    graph, _ = pair_translations([
        source("regional/_index.en.md"), source("regional/_index.fr.md", "title: R\nslug: regions"),
        source("regional/lyon.en.md"), source("regional/lyon.fr.md")], [], LANGS)
    graph, problems = assign_urls(graph, "/partnerships")
    assert problems == []
    assert graph.get("regional/lyon", "en").url == "/partnerships/en/regional/lyon/"
    assert graph.get("regional/lyon", "fr").url == "/partnerships/fr/regions/lyon/"
    assert graph.get("regional", "fr").url == "/partnerships/fr/regions/"


def test_two_pages_on_one_url_are_an_error_naming_both():
    graph, _ = pair_translations([source("a.en.md", "title: A\nslug: b"), source("b.en.md"),
                                  source("a.fr.md"), source("b.fr.md")], [], LANGS)
    _, problems = assign_urls(graph, "")
    assert [str(p) for p in problems] == [
        "b.en.md:1: URL /en/b/ is also the URL of a.en.md; give one of them another slug"]


def test_a_slug_is_one_safe_url_segment():
    assert check_slug("partenariats-industriels") is None
    assert check_slug(" ") == "slug is empty"
    assert check_slug("a/b") == "slug 'a/b' must be one URL segment: no '/' and no '..'"
    assert check_slug("été") == ("slug 'été' has characters unsafe in a URL ('é'); use letters "
                                 "a-z, digits and hyphens")


def test_slugify_folds_accents_ligatures_and_punctuation():
    assert slugify("Île-de-France") == "ile-de-france"
    assert slugify("Provence-Alpes-Côte d'Azur") == "provence-alpes-cote-d-azur"
    assert slugify("  Œuvre & Co ") == "oeuvre-co"


def test_numbers_follow_each_languages_conventions():
    assert number(1234567.5, "en") == "1,234,567.5"
    assert number(1234567.5, "fr") == "1\u202f234\u202f567,5"  # narrow no-break spaces
    assert percent(0.256, "fr") == "25,6\xa0%"


def test_the_sanitiser_policy_refuses_script_and_keeps_plain_markup():
    assert not htmlpolicy.safe_url("javascript:alert(1)")
    assert not htmlpolicy.safe_url("JaVaScRiPt:x")
    assert not htmlpolicy.safe_url(" java\tscript:x")
    assert htmlpolicy.safe_url("https://www.cnrs.fr/")
    assert htmlpolicy.keep_attribute("a", "href", "javascript:x") is None
    assert htmlpolicy.keep_attribute("a", "href", "/en/") == "/en/"
    assert htmlpolicy.is_event_handler("onclick")
    assert htmlpolicy.refusal("script") == (
        "<script> is not allowed in content; ask the web team to add it to a template", True)
    assert htmlpolicy.refusal("a", "onclick", "x") == (
        "'onclick' attributes (scripts) are not allowed in content", True)
    assert htmlpolicy.refusal("p") is None


def test_a_problem_prints_one_way_whatever_found_it():
    assert str(error("labs/umr-1.yaml", 7, "bad", col=12)) == "labs/umr-1.yaml:7:12: bad"
    assert str(warning("a.fr.md", 3, "stale")) == "a.fr.md:3: warning: stale"
    assert str(Problem("a.en.md", 1, 0, "only in French", "note", "missing")) == (
        "a.en.md:1: note: only in French")
    assert str(error("site.yaml", 0, "missing")) == "site.yaml: missing"
    assert summary_line([error("a", 1, "x"), warning("b", 1, "y"), warning("c", 1, "z")]) == (
        "Build failed: 1 error, 2 warnings")
    assert (counted(1, "note"), counted(0, "note"), counted(2, "note")) == (
        "1 note", "0 notes", "2 notes")


def test_a_one_off_build_cache_keeps_nothing_and_a_preview_reuses_on_equal_inputs():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    once = Memo(keeps_pages=False)
    assert [once.reuse("x", 1, compute), once.reuse("x", 1, compute)] == [1, 2]
    kept = Memo()
    assert [kept.reuse("y", 1, compute), kept.reuse("y", 1, compute),
            kept.reuse("y", 2, compute)] == [3, 3, 4]
    assert kept.same("t", Token((1, 2))) is kept.same("t", Token((1, 2)))

    read = []
    assert kept.each("files", {"a": 1, "b": 1}, lambda p: read.append(p) or p.upper()) == {
        "a": "A", "b": "B"}
    assert kept.each("files", {"a": 2, "b": 1, "c": None}, lambda p: read.append(p) or p) == {
        "a": "a", "b": "B", "c": "c"}  # a saved again, b as it was, c unreadable: read again
    assert read == ["a", "b", "a", "c"]


def test_the_markdown_key_is_made_of_the_text_and_the_engine():
    assert markup.text_key("# A") == markup.text_key("# A")
    assert markup.text_key("# A") != markup.text_key("# B")
    assert markup.OWN_CODE in markup.ENGINE and markup.markdown.__version__ in markup.ENGINE
