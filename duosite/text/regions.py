"""France's current régions and overseas collectivities, and the one a postcode lies in.

The tables in `duosite/text/geography/` are derived from INSEE's Code officiel géographique as
Etalab publishes it (see SOURCE.md there); `scripts/make_geography.py` regenerates them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .collation import fold

TABLES = Path(__file__).resolve().parent / "geography"
CEDEX = re.compile(r"\s+cedex\b.*$|\s+\d+$", re.I)


@dataclass(frozen=True)
class Region:
    """A current région (or overseas collectivity), named and slugged in both languages."""

    code: str
    kind: str  # "region" or "collectivity"
    fr: str
    en: str
    slug_fr: str
    slug_en: str

    def name(self, lang: str) -> str:
        """Its name in `lang` (the English usage on the English site)."""
        return self.en if lang == "en" else self.fr

    def slug(self, lang: str) -> str:
        """Its URL segment in `lang`."""
        return self.slug_en if lang == "en" else self.slug_fr


def _rows(name: str) -> list[dict[str, str]]:
    with open(TABLES / name, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@cache
def regions() -> dict[str, Region]:
    """Every région and collectivity by its French name, as lab files write it."""
    return {row["fr"]: Region(**row) for row in _rows("regions.csv")}


@cache
def _by_code() -> dict[str, Region]:
    return {region.code: region for region in regions().values()}


@cache
def _departements() -> dict[str, str]:
    return {row["code"]: row["region"] for row in _rows("departements.csv")}


@cache
def _postcodes() -> dict[str, list[tuple[str, str]]]:
    table: dict[str, list[tuple[str, str]]] = {}
    for row in _rows("postcodes.csv"):
        table.setdefault(row["postcode"], []).append((row["departement"], row["commune"]))
    return table


@cache
def _overseas() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for row in _rows("overseas.csv"):
        table.setdefault(row["commune"], set()).add(row["departement"])
    return table


def fold_commune(name: str) -> str:
    """A commune's name for comparing: 'ST-MARTIN-D'HERES CEDEX 9' -> 'saint martin d heres'."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(CEDEX.sub("", name.strip()))).split()
    return " ".join({"st": "saint", "ste": "sainte"}.get(word, word) for word in words)


def departement_of(postcode: str, commune: str) -> str | None:
    """The département of a French address, from its postcode (and commune where needed)."""
    places = _postcodes().get(postcode)
    if places and len({dep for dep, _ in places}) == 1:
        return places[0][0]
    if places:
        named = {dep for dep, name in places if name == fold_commune(commune)}
        return named.pop() if len(named) == 1 else None
    if not re.fullmatch(r"\d{5}", postcode):
        return None
    if postcode.startswith(("97", "98")):  # overseas CEDEX codes: 97744 is Saint-Denis (974)
        named = _overseas().get(fold_commune(commune), set())
        return next(iter(named)) if len(named) == 1 else None
    if postcode.startswith("20"):  # Corsica: 200xx-201xx Corse-du-Sud, 202xx-206xx Haute-Corse
        return "2A" if postcode[2] in "01" else "2B"
    return postcode[:2] if postcode[:2] in _departements() else None


def region_of(postcode: str, commune: str) -> Region | None:
    """The current région or collectivity of a French address, None if the table cannot tell."""
    places = _postcodes().get(postcode) or []
    departement = departement_of(postcode, commune)
    candidates = {departement} if departement else {dep for dep, _ in places}
    found = {_departements()[dep] for dep in candidates if dep in _departements()}
    return _by_code().get(found.pop()) if len(found) == 1 else None


def region_named(name: str) -> Region | None:
    """The current région a name (French or English, any case or accents) designates."""
    wanted = fold(name).replace("-", " ")
    return next((region for region in regions().values()
                 if wanted in (fold(region.fr).replace("-", " "),
                               fold(region.en).replace("-", " "))), None)
