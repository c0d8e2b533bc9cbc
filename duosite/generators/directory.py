"""The laboratory directory as ordinary pages: the index, facet pages and one page per lab."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from babel import Locale

from ..content.i18n import N_
from ..content.labs import Lab, short_acronym
from ..content.pages import DIRECTORY, FACET, FACET_LIST, LAB, LAB_LIST, Page
from ..content.settings import BABEL_LOCALES
from ..text.collation import slugify, sort_key
from ..text.regions import regions

SECTION = "labs"
PAGE_SIZE = 100  # labs per page of the lists readers without JavaScript browse
NOT_GIVEN = ""  # the facet of the labs for which the registries give no value
NOT_GIVEN_SEGMENT = {"en": "not-given", "fr": "non-renseigne"}
NOT_GIVEN_TITLES = {
    "institute": N_("Institute not given in the registry"),
    "region": N_("Region not given in the registry"),
    "country": N_("Country not given in the registry"),
}
PAGE_TITLE = N_("%(title)s, page %(number)s of %(pages)s")


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
    value: str  # as in the data: 'INSB', 'Occitanie', 'France', 'Université de Toulouse'; or ''
    stems: tuple[str, ...]
    acronym: str = ""  # a supervising institution's acronym, from the registry

    @property
    def key(self) -> str:
        """The facet's own part of its page key: the same in every language."""
        return facet_key(self.dimension, self.value)


def facet_key(dimension: str, value: str) -> str:
    """The key segment of the facet of `value` in `dimension`."""
    return f"{dimension}/{slugify(value) or 'not-given'}"


def facet_values(lab: Lab, dimension: str) -> tuple[tuple[str, str], ...]:
    """(value, acronym) pairs a lab has in one dimension; NOT_GIVEN where registries are silent."""
    if dimension == "supervisor":
        return tuple((name, short_acronym(acronym, name))
                     for name, acronym in lab.supervisors_and_acronyms())
    if dimension == "region" and not lab.in_france:
        return ()
    value = {"institute": lab.institute, "region": lab.region, "country": lab.country}[dimension]
    return ((value or NOT_GIVEN, ""),)


def collect_facets(labs: tuple[Lab, ...]) -> dict[str, tuple[Facet, ...]]:
    """Every dimension's values, each with its labs, ordered as a French reader expects.

    Values written differently but with one URL segment (a name in capitals and the same
    name in proper case) are one facet, named by the spelling most labs use.
    """
    facets = {}
    for dimension in DIMENSIONS:
        members: dict[str, list[str]] = {}
        spellings: dict[str, Counter] = {}
        acronyms: dict[str, Counter] = {}
        for lab in labs:
            for value, acronym in facet_values(lab, dimension):
                key = facet_key(dimension, value)
                if lab.stem not in members.setdefault(key, []):
                    members[key].append(lab.stem)
                spellings.setdefault(key, Counter())[value] += 1
                acronyms.setdefault(key, Counter())[acronym] += bool(acronym)
        found = [Facet(dimension, spellings[key].most_common(1)[0][0], tuple(stems),
                       next((a for a, n in acronyms[key].most_common() if n), ""))
                 for key, stems in members.items()]
        facets[dimension] = tuple(sorted(found, key=lambda f: (f.value == NOT_GIVEN,
                                                               sort_key(f.value))))
    return facets


def in_reading_order(facets: tuple[Facet, ...], lang: str, gettext: Callable[[str], str]
                     ) -> tuple[Facet, ...]:
    """Facets in the order of their names in `lang` ('Brittany' among the B's); unknown last."""
    return tuple(sorted(facets, key=lambda f: (f.value == NOT_GIVEN,
                                               sort_key(facet_title(f, lang, gettext)))))


def facet_segment(facet: Facet, lang: str) -> str:
    """A facet page's URL segment in `lang` (regions have a name in each language)."""
    if facet.value == NOT_GIVEN:
        return NOT_GIVEN_SEGMENT[lang]
    if facet.dimension == "region" and facet.value in regions():
        return regions()[facet.value].slug(lang)
    return slugify(facet.value) or "unnamed"


@cache
def country_name(name: str, lang: str) -> str:
    """A country's name in `lang` (the data names countries in English)."""
    english = Locale.parse("en").territories
    code = next((c for c, n in english.items() if n == name and c.isalpha()), None)
    return Locale.parse(BABEL_LOCALES[lang]).territories.get(code, name) if code else name


def facet_title(facet: Facet, lang: str, gettext: Callable[[str], str]) -> str:
    """How a facet is named on its page and in links."""
    if facet.value == NOT_GIVEN:
        return gettext(NOT_GIVEN_TITLES[facet.dimension])
    if facet.dimension == "institute":
        return gettext(INSTITUTE_NAMES.get(facet.value, facet.value))
    if facet.dimension == "country":
        return country_name(facet.value, lang)
    if facet.dimension == "region" and facet.value in regions():
        return regions()[facet.value].name(lang)
    if facet.acronym and facet.acronym.casefold() not in facet.value.casefold():
        return f"{facet.value} ({facet.acronym})"
    return facet.value


def page_count(size: int) -> int:
    """How many pages a list of `size` labs takes."""
    return max(1, -(-size // PAGE_SIZE))


def list_pages(key: str, title: str, size: int, lang: str, facet: Facet | None,
               gettext: Callable[[str], str]) -> list[Page]:
    """Pages 2, 3… of a list of labs (the directory's or a facet's), for readers without JS."""
    pages, total = [], page_count(size)
    for number in range(2, total + 1):
        named = gettext(PAGE_TITLE) % {"title": title, "number": number, "pages": total}
        pages.append(Page(key=f"{key}/page-{number}", lang=lang, content_lang=lang,
                          kind=LAB_LIST, title=named, description=named + ".",
                          segment=f"page-{number}", template="lab-list.html",
                          data=(facet, number, total)))
    return pages


def facet_pages(facet: Facet, lang: str, gettext: Callable[[str], str], about: str
                ) -> list[Page]:
    """A facet's page, and its further pages when it lists more labs than one page holds."""
    named = facet_title(facet, lang, gettext)
    key = f"{SECTION}/{facet.key}"
    page = Page(key=key, lang=lang, content_lang=lang, kind=FACET, title=named,
                description=gettext(about) % {"facet": named},
                segment=facet_segment(facet, lang), template="facet.html", data=(facet,))
    return [page, *list_pages(key, named, len(facet.stems), lang, facet, gettext)]


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
        pages += list_pages(SECTION, translate(DIRECTORY_TITLE), len(labs), lang, None,
                            translate)
        for dimension, (segments, title, about) in DIMENSIONS.items():
            pages.append(Page(key=f"{SECTION}/{dimension}", lang=lang, content_lang=lang,
                              kind=FACET_LIST, title=translate(title),
                              description=translate(title) + ".",
                              segment=segments[lang], template="facet-list.html",
                              data=(dimension,)))
            for facet in facets[dimension]:
                pages += facet_pages(facet, lang, translate, about)
        for lab in labs:
            name, _name_lang = lab.name.get(lang)
            pages.append(Page(key=f"{SECTION}/{lab.stem}", lang=lang, content_lang=lang,
                              kind=LAB, title=name, segment=lab.stem, template="lab.html",
                              description=translate(LAB_DESCRIPTION)
                              % {"name": name, "code": lab.code},
                              data=(lab,)))
    return pages

