"""Files about the site rather than pages of it: sitemap.xml and robots.txt."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from ..content.pages import TranslationGraph
from ..content.settings import Settings
from ..text.dates import rfc3339


def alternates(graph: TranslationGraph, key: str, settings: Settings) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for each real translation of `key`, then x-default."""
    real = graph.real_languages(key)
    links = [(lang, settings.absolute(graph.get(key, lang).url)) for lang in real]
    if links:
        default = settings.default_language if settings.default_language in real else real[0]
        links.append(("x-default", settings.absolute(graph.get(key, default).url)))
    return links


def sitemap(graph: TranslationGraph, settings: Settings) -> bytes:
    """Every real page once, with `xhtml:link` alternates for its real translations only, and
    the last change of a dated page."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for key in sorted(graph.pages):
        links = alternates(graph, key, settings)
        for lang in graph.real_languages(key):
            page = graph.get(key, lang)
            lines.append(f"<url><loc>{_xml(settings.absolute(page.url))}</loc>")
            if page.dates:  # when search engines should look again
                lines.append(f"  <lastmod>{rfc3339(page.dates.latest)}</lastmod>")
            if len(links) > 2:  # a page and x-default alone claim no translation
                lines += [f'  <xhtml:link rel="alternate" hreflang="{hreflang}" '
                          f"href={quoteattr(url)}/>" for hreflang, url in links]
            lines.append("</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode()


def robots(settings: Settings) -> bytes:
    """Allow everything and point crawlers at the sitemap."""
    return (f"User-agent: *\nAllow: /\n\nSitemap: "
            f"{settings.absolute(settings.base_path + '/sitemap.xml')}\n").encode()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
