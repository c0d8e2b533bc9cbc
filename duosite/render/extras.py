"""The files besides content pages: language chooser, 404 pages, sitemap, robots, open data."""

from __future__ import annotations

from markupsafe import Markup

from ..cache import Cache, Token
from ..content.i18n import N_
from ..content.load import Site
from ..generators import exports
from ..generators.search_index import INDEX_NAME, search_index
from ..generators.sitefiles import alternates, robots, sitemap
from ..generators.sitepages import accessibility_status, footer_links
from .context import Shared, feed_files, not_found_context
from .typography import typeset, typeset_html

CHOOSE = N_("Choose the language of the site: English or French.")


def extra_files(site: Site, envs: dict, shared: Shared, cache: Cache, shape: Token
                ) -> dict[str, bytes]:
    """The language chooser, the 404 pages, the sitemap, robots.txt and the open data."""
    settings, graph = site.settings, site.graph
    files = {"sitemap.xml": cache.reuse("sitemap", (shape, site.labs_token, settings),
                                        lambda: sitemap(graph, settings)),
             "robots.txt": robots(settings), **feed_files(shared)}
    parts = [Markup(envs[lang].get_template("_choice.html").render(lang=lang,
                                                                   home=graph.get("", lang)))
             for lang in settings.languages if graph.get("", lang)]
    footers = [(lang, Markup(envs[lang].get_template("_footer.html").render(
        site_links=footer_links(graph, lang), footer_menu=shared.nav[lang]["footer"],
        accessibility_status=accessibility_status(settings)))) for lang in settings.languages]
    chooser = envs[settings.languages[0]].get_template("chooser.html").render(
        parts=parts, footers=footers,
        title=" · ".join(settings.site_name(lang) for lang in settings.languages),
        description=" / ".join(site.translations[lang].gettext(CHOOSE) for lang in envs),
        alternates=alternates(graph, "", settings))
    files["index.html"] = typeset_html(chooser, settings.languages[0]).encode()
    for lang, env in envs.items():
        title = site.translations[lang].gettext("Page not found")
        html = typeset(env.get_template("404.html").render(not_found_context(shared, lang, title)),
                       lang)
        files[f"{lang}/404.html"] = html.encode()
        if lang == settings.default_language:
            files["404.html"] = html.encode()
        if site.labs:
            files[f"{lang}/labs.csv"], files[f"{lang}/labs.json"] = cache.reuse(
                f"open data {lang}", site.labs_token, lambda lang=lang: (
                    exports.export_csv(site.labs, lang).encode(),
                    exports.export_json(site.labs, lang).encode()))
            files[f"{lang}/{INDEX_NAME}"] = cache.reuse(
                f"search index {lang}", (site.labs_token, shape), lambda lang=lang: search_index(
                    shared.ordered[lang], {lab.stem: graph.get(f"labs/{lab.stem}", lang).url
                                           for lab in site.labs}, lang).encode())
    return files
