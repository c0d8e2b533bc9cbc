"""The laboratory directory as ordinary pages: the index, facet pages and one page per lab."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from babel import Locale

from .collation import slugify, sort_key
from .i18n import N_
from .labs import Lab
from .pages import DIRECTORY, FACET, FACET_LIST, LAB, Page
from .problems import Problem, error
from .settings import BABEL_LOCALES

SECTION = "labs"


# dimension -> (segment per language, title of its list page, description of its pages)
DIMENSIONS: dict[str, tuple[dict[str, str], str, str]] = {
    "institute": ({"en": "institutes", "fr": "instituts"}, N_("Laboratories by institute"),
                  N_("The laboratories of %(facet)s in the CNRS laboratory directory.")),
    "region": ({"en": "regions", "fr": "regions"}, N_("Laboratories by region"),
               N_("CNRS laboratories in %(facet)s, from the CNRS laboratory directory.")),
    "country": ({"en": "countries", "fr": "pays"}, N_("Laboratories by country"),
                N_("CNRS laboratories in %(facet)s, from the CNRS laboratory directory.")),
    "supervisor": ({"en": "institutions", "fr": "etablissements"},
                   N_("Laboratories by supervising institution"),
                   N_("CNRS laboratories with %(facet)s among their supervising institutions.")),
}
DIRECTORY_TITLE = N_("Laboratory directory")
LAB_DESCRIPTION = N_("%(name)s (%(code)s), in the CNRS laboratory directory: supervising "
                     "institutions, location, website and registry links.")

INSTITUTE_NAMES = {
    "INSB": N_("CNRS Biology (INSB)"),
    "INC": N_("CNRS Chemistry (INC)"),
    "INEE": N_("CNRS Ecology & Environment (INEE)"),
    "INSHS": N_("CNRS Human & Social Sciences (INSHS)"),
    "INSIS": N_("CNRS Engineering (INSIS)"),
    "INSMI": N_("CNRS Mathematics (INSMI)"),
    "INP": N_("CNRS Physics (INP)"),
    "IN2P3": N_("CNRS Nuclear & Particle Physics (IN2P3)"),
    "INSU": N_("CNRS Earth & Astronomy (INSU)"),
    "INS2I": N_("CNRS Informatics (INS2I)"),
}


@dataclass(frozen=True)
class Facet:
    """One value of one dimension (an institute, a region, …) and its laboratories."""

    dimension: str
    value: str  # as in the data: 'INSB', 'Occitanie', 'France', 'Université de Toulouse'
    stems: tuple[str, ...]


def facet_values(lab: Lab, dimension: str) -> tuple[str, ...]:
    """The values a lab has in one dimension (several supervising institutions, for one)."""
    if dimension == "supervisor":
        return lab.supervisors
    value = {"institute": lab.institute, "region": lab.region, "country": lab.country}[dimension]
    return (value,) if value else ()


def collect_facets(labs: tuple[Lab, ...]) -> dict[str, tuple[Facet, ...]]:
    """Every dimension's values, each with its labs, ordered as a French reader expects."""
    facets = {}
    for dimension in DIMENSIONS:
        members: dict[str, list[str]] = {}
        for lab in labs:
            for value in facet_values(lab, dimension):
                members.setdefault(value, []).append(lab.stem)
        facets[dimension] = tuple(Facet(dimension, value, tuple(stems)) for value, stems
                                  in sorted(members.items(), key=lambda kv: sort_key(kv[0])))
    return facets


def facet_segment(facet: Facet) -> str:
    """A facet page's URL segment; the same in both languages."""
    return slugify(facet.value) or "unnamed"


@cache
def country_name(name: str, lang: str) -> str:
    """A country's name in `lang` (the data names countries in English)."""
    english = Locale.parse("en").territories
    code = next((c for c, n in english.items() if n == name and c.isalpha()), None)
    return Locale.parse(BABEL_LOCALES[lang]).territories.get(code, name) if code else name


def facet_title(facet: Facet, lang: str, gettext: Callable[[str], str]) -> str:
    """How a facet is named on its page and in links."""
    if facet.dimension == "institute":
        return gettext(INSTITUTE_NAMES.get(facet.value, facet.value))
    if facet.dimension == "country":
        return country_name(facet.value, lang)
    return facet.value


def directory_pages(labs: tuple[Lab, ...], facets: dict[str, tuple[Facet, ...]],
                    has_index: frozenset[str], languages: tuple[str, ...],
                    gettext: dict[str, Callable[[str], str]]) -> list[Page]:
    """Pages generated from lab data, in every language: facet lists, facets and labs."""
    if not labs:
        return []
    pages = []
    for lang in languages:
        translate = gettext[lang]
        if not has_index:
            pages.append(Page(key=SECTION, lang=lang, content_lang=lang, kind=DIRECTORY,
                              title=translate(DIRECTORY_TITLE), segment=SECTION,
                              template="directory.html"))
        for dimension, (segments, title, about) in DIMENSIONS.items():
            pages.append(Page(key=f"{SECTION}/{dimension}", lang=lang, content_lang=lang,
                              kind=FACET_LIST, title=translate(title),
                              description=translate(title) + ".",
                              segment=segments[lang], template="facet-list.html",
                              data=(dimension,)))
            for facet in facets[dimension]:
                named = facet_title(facet, lang, translate)
                pages.append(Page(key=f"{SECTION}/{dimension}/{facet_segment(facet)}",
                                  lang=lang, content_lang=lang, kind=FACET, title=named,
                                  description=translate(about) % {"facet": named},
                                  segment=facet_segment(facet), template="facet.html",
                                  data=(facet,)))
        for lab in labs:
            name, _name_lang = lab.name.get(lang)
            pages.append(Page(key=f"{SECTION}/{lab.stem}", lang=lang, content_lang=lang,
                              kind=LAB, title=name, segment=lab.stem, template="lab.html",
                              description=translate(LAB_DESCRIPTION)
                              % {"name": name, "code": lab.code},
                              data=(lab,)))
    return pages


def facet_clashes(labs: tuple[Lab, ...], facets: dict[str, tuple[Facet, ...]],
                  line_of: Callable[[str, str], int]) -> list[Problem]:
    """Two values of a dimension that would share a page ('Ile de France', 'Île-de-France').

    `line_of(lab file, key)` gives the line a key is written on, for the message.
    """
    by_stem, problems = {lab.stem: lab for lab in labs}, []
    keys = {"supervisor": "supervisors"}
    for dimension, values in facets.items():
        first: dict[str, Facet] = {}
        for facet in values:
            other = first.setdefault(facet_segment(facet), facet)
            if other is not facet:
                lab, seen = by_stem[facet.stems[0]], by_stem[other.stems[0]]
                key = keys.get(dimension, dimension)
                problems.append(error(lab.path, line_of(lab.path, key),
                                      f"{dimension} '{facet.value}' and '{other.value}' "
                                      f"({seen.path}) would share one page, "
                                      f"{DIMENSIONS[dimension][0]['en']}/{facet_segment(facet)}"
                                      "/; write them the same way"))
    return problems
