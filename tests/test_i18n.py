"""Interface translations: the French catalogue is complete, in step with the templates,
and numbers are formatted for each page's locale."""

import subprocess
import sys
from datetime import date

from babel.messages.pofile import read_po
from conftest import ROOT

from duosite.content import i18n
from duosite.text.dates import long_date

FRENCH = ROOT / "locales" / "fr" / "LC_MESSAGES" / "messages.po"


def read_catalogue(path):
    with open(path, "rb") as handle:
        return read_po(handle, locale="fr_FR")


def message_keys(catalog):
    return {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in catalog if m.id}


def test_every_interface_string_has_a_french_translation():
    catalog = read_catalogue(FRENCH)
    assert not catalog.fuzzy, "the header is fuzzy: the whole catalogue would be skipped"
    untranslated = [m.id for m in catalog if m.id and not all(
        m.string if isinstance(m.string, (list, tuple)) else [m.string])]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    errors = [(m.id, e) for m, found in catalog.check() for e in found]
    assert untranslated == []
    assert fuzzy == []
    assert errors == []


def test_catalogue_is_in_step_with_templates(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
                    "-k", "N_", "--omit-header", "-o", str(pot), "."], cwd=ROOT, check=True,
                   capture_output=True)
    extracted, catalogue = message_keys(read_catalogue(pot)), message_keys(read_catalogue(FRENCH))
    assert extracted - catalogue == set(), "new strings: see docs/translating.md"
    assert catalogue - extracted == set(), "strings no longer used: see docs/translating.md"


def test_catalogue_is_compiled_by_the_build_and_translates():
    translations, problems = i18n.load_translations(ROOT / "locales", "fr", "en")
    assert problems == []
    assert translations.gettext("Skip to content") == "Aller au contenu"
    assert translations.ngettext("%(num)s laboratory", "%(num)s laboratories", 1) \
        == "%(num)s laboratoire"
    assert not list((ROOT / "locales").rglob("*.mo"))


def test_numbers_percentages_and_dates_follow_the_locale():
    assert i18n.number(1100, "en") == "1,100"
    assert i18n.number(1100, "fr") == "1\u202f100"
    assert i18n.percent(0.403, "en") == "40.3%"
    assert i18n.percent(0.403, "fr") == "40,3\u00a0%"
    assert long_date(date(2026, 3, 5), "en") == "5 March 2026"
    assert long_date(date(2026, 3, 5), "fr") == "5 mars 2026"


def test_untranslated_string_is_reported_not_hidden(tmp_path):
    po = tmp_path / "fr" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                  'msgid "%(num)s lab"\nmsgstr "%(nombre)s labo"\n', encoding="utf-8")
    _, problems = i18n.load_translations(tmp_path, "fr", "en")
    assert [p.message for p in problems] == ["'%(num)s lab': unknown named placeholder 'nombre'"]
