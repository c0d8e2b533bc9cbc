"""How names are ordered and turned into URL segments, the way a French reader expects."""

from __future__ import annotations

import re
import unicodedata
from functools import cache


def fold(text: str) -> str:
    """Lower case without accents or ligatures: 'Œuvre Écrite' -> 'oeuvre ecrite'."""
    text = text.casefold()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("æ", "ae"))
    return "".join(c for c in text if not unicodedata.combining(c))


@cache
def sort_key(text: str) -> tuple:
    """A French reader's order: accents, case, spaces and punctuation do not split the list."""
    folded = fold(text)
    return "".join(c for c in folded if c.isalnum()), folded, text


def slugify(text: str) -> str:
    """An ASCII URL segment: 'Université Paris-Saclay' -> 'universite-paris-saclay'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).encode("ascii", "ignore").decode()).strip("-")
