"""Pages every site has: legal notice, accessibility, personal data, contact, sitemap, search."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..content.i18n import N_
from ..content.pages import KEY_TEMPLATES, Page, TranslationGraph
from ..content.settings import Settings

FOOTER = ("legal-notice", "accessibility", "personal-data", "contact", "sitemap")
SEARCH, SITEMAP = "search", "sitemap"
LEGAL_PAGES = ("legal-notice", "accessibility", "personal-data", "contact")

# key -> (URL segment per language, title, description)
PAGES: dict[str, tuple[dict[str, str], str, str]] = {
    "legal-notice": ({"en": "legal-notice", "fr": "mentions-legales"}, N_("Legal notice"),
                     N_("Who publishes and hosts this site, and who answers for it.")),
    "accessibility": ({"en": "accessibility", "fr": "accessibilite"},
                      N_("Accessibility statement"),
                      N_("How far this site conforms to the French accessibility standard "
                         "(RGAA), and how to report a barrier.")),
    "personal-data": ({"en": "personal-data", "fr": "donnees-personnelles"},
                      N_("Personal data"),
                      N_("What this site collects about its visitors: nothing, and no "
                         "cookies.")),
    "contact": ({"en": "contact", "fr": "contact"}, N_("Contact"),
                N_("How to write to the team behind this site.")),
    "sitemap": ({"en": "sitemap", "fr": "plan-du-site"}, N_("Sitemap"),
                N_("Every page of this site, section by section.")),
    "search": ({"en": "search", "fr": "recherche"}, N_("Search"),
               N_("Search every page and laboratory of this site.")),
}

# the conformity statuses of decree 2019-768, as the footer and the statement say them
STATUS_LABELS = {"compliant": N_("fully compliant"),
                 "partially-compliant": N_("partially compliant"),
                 "non-compliant": N_("non-compliant")}


@dataclass(frozen=True)
class TreeNode:
    """One page of the sitemap page, with the pages inside it."""

    page: Page
    children: tuple[TreeNode, ...]


def site_pages(written: frozenset[str], settings: Settings,
               gettext: dict[str, Callable[[str], str]]) -> list[Page]:
    """The pages no editor wrote: the legal ones (when site.yaml says what they need), the
    sitemap and the search page, in every language."""
    keys = [key for key in PAGES if key not in written
            and (settings.legal is not None or key not in LEGAL_PAGES)]
    pages = []
    for lang in settings.languages:
        translate = gettext[lang]
        for key in keys:
            segments, title, about = PAGES[key]
            pages.append(Page(key=key, lang=lang, content_lang=lang,
                              kind=key if key in (SEARCH, SITEMAP) else "page",
                              title=translate(title), description=translate(about),
                              segment=segments[lang], template=KEY_TEMPLATES[key]))
    return pages


def footer_links(graph: TranslationGraph, lang: str) -> dict[str, str]:
    """The URL of each page the footer links to, by key."""
    return {key: page.url for key in (*FOOTER, SEARCH) if (page := graph.get(key, lang))}


def accessibility_status(settings: Settings) -> str:
    """The conformity status to state (untranslated); without site.yaml, none was assessed."""
    return STATUS_LABELS[settings.legal.accessibility if settings.legal else "non-compliant"]


def site_tree(graph: TranslationGraph, lang: str, key: str = "") -> tuple[TreeNode, ...]:
    """The pages of the `lang` tree under `key`, by weight then title, for the sitemap page."""
    found = [child for child_key in graph.children_keys.get(key, ())
             if (child := graph.get(child_key, lang)) and not child.draft
             and child.key not in (SEARCH, SITEMAP)]
    found.sort(key=lambda p: (p.kind in PAGES or p.key in PAGES, p.weight, p.title.casefold()))
    return tuple(TreeNode(child, site_tree(graph, lang, child.key)) for child in found)
