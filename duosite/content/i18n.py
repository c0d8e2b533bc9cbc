"""Interface translations (Babel catalogues) and locale-aware number and date formatting."""

from __future__ import annotations

import gettext
import io
import os
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.numbers import format_decimal, format_percent
from babel.support import Translations

from ..problems import Problem, error
from .settings import BABEL_LOCALES


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message


# what a link or list entry says when the page it leads to is written in another language;
# each is shown in that language, as language names are in a switcher
IN_LANGUAGE = {"en": N_("(in English)"), "fr": N_("(in French)")}


def in_language(translations: dict, lang: str) -> str:
    """'(in English)', '(en français)': the hint for content in `lang`, in that language."""
    return translations[lang].gettext(IN_LANGUAGE[lang])


def catalogue_path(locales: Path, lang: str) -> Path:
    """Where the catalogue of `lang` lives."""
    return locales / lang / "LC_MESSAGES" / "messages.po"


def load_translations(locales: Path, lang: str, source_lang: str
                      ) -> tuple[gettext.NullTranslations, list[Problem]]:
    """Compile `lang`'s .po in memory (no .mo is ever written); the source language has none."""
    if lang == source_lang:
        return gettext.NullTranslations(), []
    po = catalogue_path(locales, lang)
    where = os.path.relpath(po)
    if not po.is_file():
        return gettext.NullTranslations(), [error(where, 0, f"no catalogue for '{lang}'")]
    try:
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=BABEL_LOCALES[lang], abort_invalid=True)
    except (PoFileError, ValueError, UnicodeDecodeError) as exc:
        return gettext.NullTranslations(), [error(where, 0, f"catalogue cannot be read: {exc}")]
    problems = [error(where, message.lineno, f"{message.id!r}: {problem}")
                for message, errors in catalog.check() for problem in errors]
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain="messages"), problems


def number(value: float | int, lang: str) -> str:
    """1,100 in English, 1 100 (narrow no-break space) in French."""
    return format_decimal(value, locale=BABEL_LOCALES[lang])


def percent(value: float, lang: str) -> str:
    """0.403 as 40.3% in English, 40,3 % (no-break space) in French; decimals kept as given."""
    return format_percent(value, locale=BABEL_LOCALES[lang], decimal_quantization=False)


