"""How a page presents itself when shared or indexed: OpenGraph tags and schema.org JSON-LD."""

from __future__ import annotations

import json

from markupsafe import Markup

from ..content.pages import Page
from ..content.settings import Settings
from .typography import french_spaces

OG_LOCALES = {"en": "en_GB", "fr": "fr_FR"}
SHARE_IMAGE = "share.png"  # in static/: 1200 × 630, the size link previews expect
SHARE_IMAGE_SIZE = (1200, 630)


def open_graph(page: Page, settings: Settings, url: str, languages: tuple[str, ...],
               image: str) -> tuple[tuple[str, str], ...]:
    """(property, content) of the OpenGraph tags; `languages`: the page's real translations."""
    tags = [("og:type", "website"), ("og:site_name", settings.site_name(page.lang)),
            ("og:title", page.title), ("og:description", page.description or page.title),
            ("og:url", url), ("og:locale", OG_LOCALES[page.lang])]
    tags += [("og:locale:alternate", OG_LOCALES[lang]) for lang in languages
             if lang != page.lang]
    tags += [("og:image", settings.absolute(image)),
             ("og:image:type", "image/png"),
             ("og:image:width", str(SHARE_IMAGE_SIZE[0])),
             ("og:image:height", str(SHARE_IMAGE_SIZE[1])),
             ("og:image:alt", settings.site_name(page.lang))]
    return tuple(tags)


def structured_data(page: Page, settings: Settings, url: str, home: str, image: str) -> Markup:
    """The page as a schema.org WebPage of a WebSite published by an Organization."""
    lang = page.lang
    say = french_spaces if lang == "fr" else str
    origin = settings.absolute(settings.base_path + "/")
    organisation = {"@type": "Organization", "@id": origin + "#organisation",
                    "name": say(settings.organisation_name(lang) or settings.site_name(lang)),
                    "url": origin, "logo": settings.absolute(image)}
    website = {"@type": "WebSite", "@id": settings.absolute(home) + "#website",
               "name": say(settings.site_name(lang)), "url": settings.absolute(home),
               "inLanguage": lang, "publisher": {"@id": organisation["@id"]}}
    webpage = {"@type": "WebPage", "@id": url, "url": url, "name": say(page.title),
               "inLanguage": page.content_lang, "isPartOf": {"@id": website["@id"]},
               "publisher": {"@id": organisation["@id"]}}
    if page.description:
        webpage["description"] = say(page.description)
    data = {"@context": "https://schema.org", "@graph": [organisation, website, webpage]}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # nothing in it may end the <script> element it is written in
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def print_origin(settings: Settings) -> str:
    """The site's scheme and host, for the print stylesheet to show where links lead."""
    return "".join(c for c in settings.absolute("") if c not in "\"'\\<>\n")
