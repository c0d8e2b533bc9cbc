"""The files that keep old URLs working: a redirect page at each old path, `_redirects` for
hosts that read one, and the record of what this build published for the next one."""

from __future__ import annotations

from ..content.load import Site
from ..generators import redirects
from ..generators.redirects import RECORD, Redirect
from ..problems import Problem, error, warning
from ..project import Project
from .output import Output, Writer


def previous_record(project: Project) -> tuple[dict, list[Problem]]:
    """The paths the build before published: the record in the output folder, or the one
    given with --published-urls (none before a first build)."""
    given = project.published_urls
    record = given or project.output / RECORD
    try:
        text = record.read_text(encoding="utf-8")
    except FileNotFoundError:
        if given is None:
            return {}, []
        text = None
    except (OSError, UnicodeDecodeError):
        text = None
    found = redirects.read_record(text) if text is not None else None
    if found is None and given is not None:
        return {}, [error(str(given), 0, "--published-urls: cannot be read as the record a "
                          f"build writes ({RECORD} at the root of a published site)")]
    if found is None:
        return {}, [warning(str(record), 0, "cannot be read, so pages moved since the last "
                            "build are not redirected this time; the next build writes it "
                            "afresh")]
    return found, []


def add_redirects(out: Output, site: Site, previous: dict) -> list[Problem]:
    """Publish every redirect (aliases, and pages moved since the build before) into `out`,
    with `_redirects` and the record; returns the warnings about moved and vanished pages."""
    settings, base = site.settings, site.settings.base_path
    chosen = redirects.alias_redirects(site.graph)
    taken = {r.old for r in chosen} | {old for old in previous
                                       if redirects.alias_file(old) in out.writers}
    moved, problems = redirects.moved_redirects(previous, site.graph, taken)
    for redirect in chosen + moved:
        page = redirect.page
        html = redirects.redirect_page(page.url, settings.absolute(page.url), page.lang,
                                       site.translations[page.lang].gettext)
        out.add(redirects.alias_file(redirect.old), html.encode(), _writer(redirect))
    if chosen or moved:
        out.add("_redirects", redirects.redirects_file(
            (base + r.old, r.page.url) for r in chosen + moved).encode(),
            Writer("the build's own _redirects"))
    out.add(RECORD, redirects.published_record(site.graph, chosen + moved, base),
            Writer(f"the build's own {RECORD}"))
    return problems


def _writer(redirect: Redirect) -> Writer:
    if redirect.automatic:
        return Writer(f"the redirect from {redirect.old} (a page moved since the last build)")
    return Writer(f"the alias {redirect.old} of {redirect.page.path}", redirect.page.path,
                  redirect.line)
