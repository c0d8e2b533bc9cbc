"""`python build.py check`: every rule on a tiny site written inline, with the exact line an
editor reads; the fixture of tests/fixtures/check/ through the command line; the project's own
content under --strict."""

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT, project, run_cli

from duosite.check import translation_status
from duosite.check.command import run_checks, status_page

FIXTURE = Path(__file__).parent / "fixtures" / "check"
HOME = {"index.en.md": "---\ntitle: Home\n---\nHello.\n",
        "index.fr.md": "---\ntitle: Accueil\n---\nBonjour.\n"}


def lines(site, kind: str, **options) -> list[str]:
    """The report's lines of one kind for a tiny site."""
    result = run_checks(replace(project(site.tmp), **options))
    return [str(f) for f in result.findings if f.kind == kind]


def check_command(content: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run_cli("check", "--content", str(content), "--no-cache", *args, cwd=cwd)


def test_anchor_on_the_same_page_must_exist(site):
    site.write({"index.en.md": "---\ntitle: Home\n---\n## Start {#start}\n\n"
                               "See [below](#strat).\n"})
    assert lines(site, "links") == [
        "index.en.md:6: link to #strat: /en/ has no element with id 'strat'; "
        "did you mean '#start'?"]


def test_anchor_of_a_link_to_another_page_must_exist_there(site):
    site.write({"index.en.md": "---\ntitle: Home\n---\nOur [history](about.md#origns).\n",
                "about.en.md": "---\ntitle: About\n---\n## Origins {#origins}\n"})
    assert lines(site, "links") == [
        "index.en.md:4: link to /en/about/#origns: /en/about/ has no element with id "
        "'origns'; did you mean '#origins'?"]


def test_a_raw_html_link_in_single_quotes_is_resolved_like_any_link(site):
    # the sanitiser writes every attribute alike, so no way of quoting slips past the links
    site.write({"index.en.md": "---\ntitle: Home\n---\nThe\n<a href='/files/reprot.pdf'>report"
                               "</a>.\n",
                "files/report.pdf": b"%PDF-1.4\n"})
    assert [e for e in site.errors() if "warning" not in e] == [
        "index.en.md:5: link to '/files/reprot.pdf': no page 'files/reprot.pdf' in the content"]


def test_a_broken_link_in_a_template_is_reported_once_at_its_line(site, tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    base = (templates / "base.html").read_text()
    base = base.replace("{% block footer %}", '<a href="/en/contact/">Contact</a>\n'
                                              "{% block footer %}")
    (templates / "base.html").write_text(base)
    line = base[:base.index("/en/contact/")].count("\n") + 1
    site.write(HOME)
    assert lines(site, "links", templates=templates) == [
        f"templates/base.html:{line}: link to /en/contact/: no page or file at /en/contact/; "
        "did you mean /en/search/? (on /en/ and 8 other pages)"]  # its sitemap and search too


def test_a_link_in_lab_data_is_reported_in_the_lab_file(site):
    site.write({**HOME, "labs/umr-1.yaml": """
        code: UMR 1
        name: {fr: Laboratoire un, en: Laboratory one}
        summary:
          en: "See [our page](/en/nowhere/)."
    """})
    assert lines(site, "links") == [
        "labs/umr-1.yaml:3: link to /en/nowhere/: no page or file at /en/nowhere/; "
        "did you mean /en/search/?"]


def test_link_to_a_page_only_in_the_other_language_is_reported_and_marked(site):
    site.write({**HOME, "index.fr.md": "---\ntitle: Accueil\n---\nLire les\n[actualités]"
                                       "(news.md).\n",
                "news.en.md": "---\ntitle: News\n---\nThis year.\n"})
    assert lines(site, "cross-language") == [
        "index.fr.md:5: warning: links to /fr/news/, which exists only in English (the "
        "link says so with hreflang and a hint); translate content/news.en.md or link elsewhere"]
    site.build()
    assert ('<a href="/fr/news/" hreflang="en">actualités</a> <span class="lang-hint" '
            'lang="en">(in English)</span>') in site.page("/fr/")


def test_link_to_a_page_deliberately_in_one_language_is_a_note(site):
    site.write({**HOME, "index.en.md": "---\ntitle: Home\n---\nThe [agency](agency.md).\n",
                "agency.fr.md": "---\ntitle: Agence\nonly_in: fr\n---\nL’agence.\n"})
    assert lines(site, "cross-language") == [
        "index.en.md:4: note: links to /en/agency/, deliberately in French only "
        "(the link says so with hreflang and a hint)"]


def test_missing_translation_is_a_warning_and_deliberate_single_language_a_note(site):
    site.write({**HOME, "news.en.md": "---\ntitle: News\n---\n",
                "agency.fr.md": "---\ntitle: Agence\nonly_in: fr\n---\n"})
    assert lines(site, "missing") == [
        "agency.fr.md:1: note: deliberately not in English (only_in); the English site "
        "shows it with a notice",
        "news.en.md:1: warning: no French translation; the French site shows this page "
        "with a notice"]


def test_translation_without_a_record_is_unknown_not_fine(site):
    site.write(HOME)
    assert lines(site, "stale") == [
        "index.fr.md:1: warning: translation status unknown: no record of what it was "
        "translated from; once it matches content/index.en.md, run: "
        "python build.py mark-translated content/index.fr.md"]


def test_a_record_that_is_not_lang_at_hash_is_unknown(site):
    site.write({**HOME, "index.fr.md": "---\ntitle: Accueil\ntranslated_from: la version du 3 "
                                       "mai\n---\n"})
    assert lines(site, "stale") == [
        "index.fr.md:3: warning: translation status unknown: translated_from 'la "
        "version du 3 mai' is not en@HASH; once it matches content/index.en.md, run: "
        "python build.py mark-translated content/index.fr.md"]


def test_marked_translation_is_up_to_date_until_its_original_changes(site):
    site.write({**HOME, "index.en.md": "---\ntitle: Home\n---\nHello.\n\nWe work   with\n"
                                       "industry.\n\nBye.\n"})
    translation_status.mark_translated(site.content, site.content / "index.fr.md", "content")
    result = run_checks(project(site.tmp))
    assert [s.state for s in result.states if s.lang == "fr"] == ["up to date"]
    (site.content / "index.en.md").write_text(  # rewrapped: still the same text
        "---\ntitle: Home\n---\nHello.\n\nWe work with industry.\n\nBye.\n")
    assert lines(site, "stale") == []
    (site.content / "index.en.md").write_text(
        "---\ntitle: Home\ndescription: not part of the text\n---\nHello.\n\n"
        "We work with industry and universities.\n\nBye.\n")
    result = run_checks(project(site.tmp))
    [stale] = [f for f in result.findings if f.kind == "stale"]
    assert str(stale).startswith(
        "index.fr.md:3: warning: stale translation: content/index.en.md changed since "
        "it was translated (en@")
    assert stale.diff == ("- We work with industry.", "+ We work with industry and universities.")


def test_mark_translated_touches_only_its_line(site):
    french = ("---\r\ntitle: Accueil\r\nslug: accueil\r\n---\r\nBonjour,\r\n  le monde.\r\n")
    site.write({**HOME, "index.fr.md": french.encode()})
    page = site.content / "index.fr.md"
    said, ok = translation_status.mark_translated(site.content, page, "content")
    record = translation_status.record_of(run_checks(project(site.tmp)).site.graph.get(
        "", "en").source)
    assert ok and said == f"content/index.fr.md: translated_from: {record} (content/index.en.md)"
    assert page.read_bytes() == french.replace("---\r\nBonjour", f"translated_from: {record}\r\n"
                                               "---\r\nBonjour").encode()
    (site.content / "index.en.md").write_text("---\ntitle: Home\n---\nHello again.\n")
    translation_status.mark_translated(site.content, page, "content")
    assert page.read_bytes().count(b"translated_from") == 1
    assert (site.content / ".translation-sources" / "index.en.md").read_text() == \
        "Home\n\nHello again.\n"
    assert not (site.output / ".translation-sources").exists()


def test_mark_translated_needs_an_original(site):
    site.write({**HOME, "agency.fr.md": "---\ntitle: Agence\n---\n"})
    said, ok = translation_status.mark_translated(site.content, site.content / "agency.fr.md",
                                                  "content")
    assert (said, ok) == ("content/agency.fr.md:1: no readable en original "
                          "(content/agency.en.md) to mark it as translated from", False)


def test_interface_strings_missing_from_the_catalogue(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "babel.cfg").write_text("[jinja2: templates/**.html]\n")
    (tmp_path / "templates" / "page.html").write_text('<p>{{ _("Hello") }}</p>\n'
                                                      '<p>{{ _("Goodbye") }}</p>\n'
                                                      '<p>{{ _("Thanks") }}</p>\n')
    po = tmp_path / "locales" / "fr" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                  'msgid "Hello"\nmsgstr ""\n\n#, fuzzy\nmsgid "Goodbye"\nmsgstr "Adieu"\n')
    gaps = translation_status.catalogue_gaps(tmp_path, tmp_path / "locales", ("en", "fr"))
    assert [(g.path, g.line, g.msgid, g.why) for g in gaps] == [
        ("locales/fr/LC_MESSAGES/messages.po", 5, "Hello", "untranslated"),
        ("locales/fr/LC_MESSAGES/messages.po", 9, "Goodbye", "fuzzy"),
        ("templates/page.html", 3, "Thanks", "not in the catalogue")]


def test_lab_texts_in_one_language(site):
    site.write({**HOME, "labs/umr-1.yaml": """
        # Generated by scripts/import_labs.py from RNSR and ROR.
        # Refreshed from the registry on each import: code, name.fr
        code: UMR 1
        name: {fr: Laboratoire un}
        themes: {en: [Optics]}
        summary: {fr: "Un laboratoire."}
    """})
    assert lines(site, "lab-fields") == [
        "labs/umr-1.yaml:4: note: name: the registry gives no English version; the "
        "English site shows the French one",
        "labs/umr-1.yaml:5: warning: themes: no French version of the English text "
        "written here; add 'fr:' under 'themes'",
        "labs/umr-1.yaml:6: warning: summary: no English version of the French text "
        "written here; add 'en:' under 'summary'"]


def test_fixture_fails_strict_with_the_expected_lines(tmp_path):
    result = check_command(Path("content"), "--strict", cwd=FIXTURE)
    expected = (FIXTURE / "expected.txt").read_text(encoding="utf-8").splitlines()
    reported = [line for line in result.stdout.splitlines()
                if re.match(r"[\w./-]+\.\w+(:\d+)*: |    [-+] ", line)]
    assert result.returncode == 1, result.stderr
    assert reported == expected
    assert result.stdout.splitlines()[-1] == "check: 1 error, 3 warnings, 0 notes"
    assert "pages in fr: 3 up to date, 1 stale, 1 missing" in result.stdout
    assert "Traceback" not in result.stderr
    assert not (FIXTURE / "output").exists()


def test_warnings_fail_only_with_strict_and_notes_never(site):
    site.write({**HOME, "news.en.md": "---\ntitle: News\n---\n"})
    assert check_command(site.content, cwd=site.tmp).returncode == 0
    assert check_command(site.content, "--strict", cwd=site.tmp).returncode == 1
    (site.content / "news.en.md").write_text("---\ntitle: News\nonly_in: en\n---\n")
    translation_status.mark_translated(site.content, site.content / "index.fr.md", "content")
    result = check_command(site.content, "--strict", cwd=site.tmp)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "check: 0 errors, 0 warnings, 1 note"


def test_json_report(tmp_path):
    result = check_command(Path("content"), "--format", "json", cwd=FIXTURE)
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert {key: report["counts"][key] for key in ("errors", "warnings", "notes")} == \
        {"errors": 1, "warnings": 3, "notes": 0}
    stale = next(p for p in report["problems"] if p["kind"] == "stale")
    assert (stale["path"], stale["line"], stale["severity"], stale["lang"], stale["url"]) == (
        "about/history.fr.md", 4, "warning", "fr", "/fr/a-propos/histoire/")
    assert stale["diff"] == ["- Founded in 1939.", "+ Founded in 1939 in Paris."]
    assert report["counts"]["pages"]["fr"]["stale"] == 1


def test_a_site_that_does_not_build_is_reported_not_checked(site):
    site.write({"index.en.md": "---\ntitle: Home\n---\nSee [us](abuot.md).\n",
                "about.en.md": "---\ntitle: About\n---\n"})
    result = check_command(site.content, "--strict", cwd=site.tmp)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "index.en.md:4: link to 'abuot.md': no page 'abuot' in the content; did you mean "
        "'about'?", "check: 1 error (the site does not build)"]


def test_status_page_shows_the_report_in_each_language(tmp_path):
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    french = status_page(project(tmp_path), "fr")
    assert '<html lang="fr">' in french
    assert "<h1>État des traductions</h1>" in french
    assert "1 erreur · 3 avertissements · 0 remarque" in french
    assert '<a href="/fr/a-propos/histoire/">/fr/a-propos/histoire/</a>' in french
    assert '<ins>Founded in 1939 in Paris.</ins>' in french
    assert '<a href="/en/_status/en/"' not in french and 'href="/_status/en/"' in french
    english = status_page(project(tmp_path), "en")
    assert "<h1>Translation status</h1>" in english and "0 errors · 0 warnings" in english


@pytest.mark.gate
def test_project_content_passes_strict():
    result = run_cli("check", "--strict", cwd=ROOT)
    failing = [line for line in result.stdout.splitlines() if ": note: " not in line
               and re.match(r"[\w./-]+\.\w+(:\d+)*: ", line)]
    assert result.returncode == 0, "\n".join(failing) + "\n" + result.stderr
