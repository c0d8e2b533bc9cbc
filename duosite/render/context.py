"""What a template sees for one page: its content, neighbours, translations and figures."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..content.i18n import IN_LANGUAGE
from ..content.labs import short_acronym
from ..content.load import Site
from ..content.pages import SECTION_LIST, Page, TranslationGraph
from ..content.settings import LANGUAGE_NAMES, Settings
from ..generators.atom import atom_feed, feed_link, site_feeds
from ..generators.dated import dated_sections, posts
from ..generators.directory import (
    DIMENSIONS,
    NOT_GIVEN,
    PAGE_SIZE,
    Facet,
    country_name,
    facet_key,
    facet_title,
    in_reading_order,
)
from ..generators.search_index import option_value
from ..generators.sitefiles import alternates
from ..generators.sitepages import accessibility_status, footer_links, site_tree
from ..text.collation import sort_key
from .sanitize import untrusted_markdown
from .sharing import open_graph, print_origin, structured_data
from .templates import Link, breadcrumbs, children


@dataclass(frozen=True)
class Switch:
    """One entry of the language switcher."""

    lang: str
    name: str
    url: str
    current: bool
    translated: bool  # False when that language only shows this page as a fallback


@dataclass(frozen=True)
class Figure:
    """A key figure ready for a template: a number (formatted there) and its label."""

    format: str
    value: object
    label: str
    qualifier: str = ""
    counted: bool = False  # True: counted from the directory's data; False: an editorial figure
    source_url: str = ""  # the directory, for a counted figure


@dataclass(frozen=True)
class Shared:
    """What every page of the build shares (computed once)."""

    graph: TranslationGraph
    settings: Settings
    nav: dict  # lang -> menu name -> tuple[NavItem]
    data: dict  # data file name -> parsed YAML
    figures: dict  # directory figures: labs_total, labs_in_france, …
    labs: tuple  # every Lab, in directory order
    facets: dict  # dimension -> tuple[Facet]
    gettext: dict  # lang -> gettext function
    labs_by_stem: dict
    fragments: dict  # (lang, name, arguments) -> HTML rendered once and shown on many pages
    ordered: dict  # lang -> the labs by the name a reader of that language sees
    rank: dict  # lang -> lab file name -> its place in that order
    in_language: dict  # lang -> "(in English)", "(en français)": said in that language
    dated: frozenset  # keys of the sections that list their pages newest first
    summaries: dict  # Page -> (summary HTML, whether the page says more)
    feeds: dict  # (lang, section key or '' for the site) -> Feed


def switcher(graph: TranslationGraph, page: Page) -> tuple[Switch, ...]:
    """Each language's version of this very page."""
    real = graph.real_languages(page.key)
    return tuple(Switch(lang, LANGUAGE_NAMES[lang], other.url, lang == page.lang, lang in real)
                 for lang in graph.languages if (other := graph.get(page.key, lang)))


def key_figures(shared: Shared, group: str | None, lang: str) -> tuple[Figure, ...]:
    """A group of `data/key_figures.yaml`, with directory figures computed from the labs."""
    if not group:
        return ()
    figures, directory = [], shared.graph.get("labs", lang)
    for item in shared.data.get("key_figures", {}).get(group, ()):
        value, counted = item.get("value"), item.get("format") == "directory"
        if counted:
            value = shared.figures.get(value, 0)
        figures.append(Figure(item.get("format", "number"), value,
                              _pick(item.get("label"), lang), _pick(item.get("qualifier"), lang),
                              counted, directory.url if counted and directory else ""))
    return tuple(figures)


def _pick(text, lang: str) -> str:
    if isinstance(text, dict):
        return text.get(lang) or next(iter(text.values()), "")
    return text or ""


def page_context(page: Page, body: str, shared: Shared) -> dict:
    """The variables of `page`'s template."""
    graph, settings = shared.graph, shared.settings
    original = graph.get(page.key, page.content_lang) if page.is_fallback else page
    return {
        "page": page,
        "content": Markup(body),
        "nav": shared.nav[page.lang]["main"],
        "footer_menu": shared.nav[page.lang]["footer"],
        "home_url": graph.get("", page.lang).url if graph.get("", page.lang) else "/",
        "breadcrumbs": breadcrumbs(graph, page),
        "children": children(graph, page),
        "switcher": switcher(graph, page),
        "alternates": [] if page.is_fallback else alternates(graph, page.key, settings),
        "canonical": settings.absolute(original.url),
        "figures": key_figures(shared, page.source.figures if page.source else None, page.lang),
        "directory": shared.figures,
        "data": shared.data,
        "labs": shared.ordered[page.lang],
        "facets": shared.facets,
        "ordered_facets": lambda dimension: in_reading_order(
            shared.facets[dimension], page.lang, shared.gettext[page.lang]),
        "facet_links": lambda dimension: facet_links(shared, dimension, page.lang),
        "lab_url": lambda lab: graph.get(f"labs/{lab.stem}", page.lang).url,
        "facet_url": lambda dimension, value: facet_url(graph, dimension, value, page.lang),
        "dimension_url": lambda dimension: graph.get(f"labs/{dimension}", page.lang).url,
        "dimensions": DIMENSIONS,
        "country": lambda name: country_name(name, page.lang),
        "institute_name": lambda code: facet_title(Facet("institute", code, ()), page.lang,
                                                   shared.gettext[page.lang]),
        "facet_title": lambda facet: facet_title(facet, page.lang, shared.gettext[page.lang]),
        "labs_of": lambda facet: labs_of(shared, facet, page.lang),
        "listing": listing(shared, page),
        "not_given": NOT_GIVEN,
        "short_acronym": short_acronym,
        "option_value": lambda facet: option_value(facet, page.lang),
        "region_name": lambda name: facet_title(Facet("region", name, ()), page.lang,
                                                shared.gettext[page.lang]),
        "search_index": f"{settings.base_path}/{page.lang}/labs-index.js",
        "downloads": {kind: f"{settings.base_path}/{page.lang}/labs.{kind}"
                      for kind in ("csv", "json")},
        "summary": lab_summary(page),
        "posts": posts(graph, page, shared.dated),
        "summaries": shared.summaries,
        "in_language": shared.in_language,
        "once": lambda name, macro, *args: once(shared, page.lang, name, macro, *args),
    } | site_context(page, shared, settings.absolute(original.url))


def site_context(page: Page, shared: Shared, url: str) -> dict:
    """What every page shows of the site: footer links, search, sharing tags, print URL."""
    graph, settings = shared.graph, shared.settings
    home = graph.get("", page.lang)
    home_url = home.url if home else f"{settings.base_path}/{page.lang}/"
    real = graph.real_languages(page.key)
    directory = graph.get("labs", page.lang)
    return {
        "site_links": footer_links(graph, page.lang),
        "accessibility_status": accessibility_status(settings),
        "legal": settings.legal,
        "page_url": url,
        "print_origin": print_origin(settings),
        "og_tags": lambda image: open_graph(page, settings, url, real, image),
        "json_ld": lambda image: structured_data(page, settings, url, home_url, image),
        "directory_url": directory.url if directory else "",
        "site_tree": lambda: site_tree(graph, page.lang),
        "home_page": home,
        "feed_links": feed_links(shared, page),
    }


def feed_links(shared: Shared, page: Page) -> tuple[Markup, ...]:
    """The feeds a page announces in its head: its section's, and the whole site's."""
    section = page.data[0] if page.kind == SECTION_LIST else (
        page.key if page.key in shared.dated else page.parent_key)
    found = (shared.feeds.get((page.lang, section)) if section else None,
             shared.feeds.get((page.lang, "")))
    return tuple(Markup(feed_link(feed)) for feed in found if feed)


def feed_files(shared: Shared) -> dict[str, bytes]:
    """Each feed's document, at its place in the output."""
    base = len(shared.settings.absolute(shared.settings.base_path + "/"))
    return {feed.self_url[base:]: atom_feed(feed).encode() for feed in shared.feeds.values()}


def once(shared: Shared, lang: str, name: str, macro, *args) -> Markup:
    """Call a template macro once per language and name (a lab's entry in many lists)."""
    key = (lang, name, args)
    if key not in shared.fragments:
        shared.fragments[key] = Markup(macro(*args))
    return shared.fragments[key]


def lab_summary(page: Page) -> tuple[Markup, str] | None:
    """A lab's summary as HTML (registry text: raw HTML shown as text) and its language."""
    if page.kind != "lab" or not (found := page.data[0].summary.get(page.lang)):
        return None
    return Markup(untrusted_markdown(found[0]).html), found[1]


def labs_of(shared: Shared, facet: Facet | None, lang: str) -> list:
    """A facet's labs (every lab for None) in the order a reader of `lang` expects."""
    if facet is None:
        return list(shared.ordered[lang])
    return [shared.labs_by_stem[stem] for stem in sorted(
        facet.stems, key=shared.rank[lang].__getitem__)]


@dataclass(frozen=True)
class Listing:
    """One page of a list of labs: which labs, where it sits among the pages, its neighbours."""

    labs: list
    number: int
    pages: int
    first: int  # the place of its first lab in the whole list, from 1
    total: int
    previous: str | None  # URLs of the pages before and after
    next: str | None

    @property
    def last(self) -> int:
        """The place of its last lab in the whole list."""
        return self.first + len(self.labs) - 1


def listing(shared: Shared, page: Page) -> Listing | None:
    """The labs a directory, facet or further list page shows, PAGE_SIZE at a time."""
    if page.kind == "lab-list":
        facet, number, _ = page.data
        base = page.key.rpartition("/")[0]
    elif page.kind == "facet":
        facet, number, base = page.data[0], 1, page.key
    elif page.kind == "directory" or page.template == "directory.html":
        facet, number, base = None, 1, "labs"
    else:
        return None
    every = labs_of(shared, facet, page.lang)
    pages = max(1, -(-len(every) // PAGE_SIZE))

    def url(n: int) -> str | None:
        target = shared.graph.get(base if n == 1 else f"{base}/page-{n}", page.lang)
        return target.url if 1 <= n <= pages and target else None

    start = (number - 1) * PAGE_SIZE
    return Listing(every[start:start + PAGE_SIZE], number, pages, start + 1, len(every),
                   url(number - 1), url(number + 1))


def facet_links(shared: Shared, dimension: str, lang: str) -> tuple[tuple[Link, int], ...]:
    """(link, number of labs) for every value of one dimension."""
    links = []
    for facet in in_reading_order(shared.facets[dimension], lang, shared.gettext[lang]):
        target = shared.graph.get(f"labs/{facet.key}", lang)
        links.append((Link(target.title, target.url, lang), len(facet.stems)))
    return tuple(links)


def facet_url(graph: TranslationGraph, dimension: str, value: str, lang: str) -> str:
    """The URL of the page listing the labs with `value` in `dimension`."""
    return graph.get(f"labs/{facet_key(dimension, value)}", lang).url


def not_found_context(shared: Shared, lang: str, title: str) -> dict:
    """The variables of the 404 page of one language (served at any URL, so no canonical)."""
    base = shared.settings.base_path
    page = Page(key="404", lang=lang, content_lang=lang, kind="notfound", title=title,
                url=f"{base}/{lang}/404.html")
    home = shared.graph.get("", lang)
    switch = tuple(Switch(other, LANGUAGE_NAMES[other], f"{base}/{other}/404.html",
                          other == lang, True) for other in shared.graph.languages)
    return {"page": page, "content": Markup(""), "nav": shared.nav[lang]["main"],
            "footer_menu": shared.nav[lang]["footer"],
            "home_url": home.url if home else f"{base}/{lang}/", "breadcrumbs": (),
            "children": (), "switcher": switch, "alternates": [], "canonical": "",
            "figures": ()} | site_context(page, shared, shared.settings.absolute(page.url))


def make_shared(site: Site, nav: dict, figures: dict, fragments: dict | None = None) -> Shared:
    """Bundle what all pages share (`fragments`: pieces of HTML kept from an earlier build)."""
    settings, labs, gettext = site.settings, site.labs, site.gettext
    ordered = {lang: tuple(sorted(labs, key=lambda lab, lang=lang: (
        sort_key(lab.name.get(lang)[0]), lab.code))) for lang in settings.languages}
    return Shared(site.graph, settings, nav, site.data, figures, labs, site.facets, gettext,
                  {lab.stem: lab for lab in labs}, {} if fragments is None else fragments,
                  ordered,
                  {lang: {lab.stem: n for n, lab in enumerate(order)}
                   for lang, order in ordered.items()},
                  {lang: gettext[lang](IN_LANGUAGE[lang]) for lang in settings.languages},
                  dated := dated_sections(site.graph), site.summaries,
                  site_feeds(site.graph, settings, site.summaries, dated))
