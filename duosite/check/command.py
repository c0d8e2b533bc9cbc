"""`python build.py check`: the findings of every check, how much each matters, and the report."""

from __future__ import annotations

import html
import json
import os
import sys
from collections import Counter
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from ..build import Report, load_site, new_cache, render_output
from ..content.load import Site
from ..content.settings import LANGUAGE_NAMES
from ..problems import ERROR, NOTE, WARNING, BuildFailed, Problem, counted, report
from ..project import Project
from ..publish.folder import static_assets
from ..render import templates as render
from ..render.context import Switch, make_shared, not_found_context
from . import linkcheck, translation_status
from .translation_status import MISSING, ORIGINAL, SINGLE, STALE, UNKNOWN, UP_TO_DATE

KINDS = {"links": "Links", "cross-language": "Cross-language links",
         "missing": "Missing translations", "stale": "Stale translations",
         "interface": "Interface strings", "lab-fields": "Lab fields"}
LANGUAGE = {"en": "English", "fr": "French"}
STATES = (UP_TO_DATE, STALE, UNKNOWN, ORIGINAL, MISSING, SINGLE)


def found(kind: str, severity: str, path: str, line: int, message: str, *about) -> Problem:
    """A problem one check found; `about`: the language site, the page's URL there, the diff."""
    return Problem(path, line, 0, message, severity, kind, *about)


@dataclass(frozen=True)
class CheckResult:
    """Everything one check run found, and the site it looked at."""

    site: Site
    findings: tuple[Problem, ...]
    states: tuple[translation_status.PageState, ...]

    def counts(self) -> dict:
        """Totals by severity, by kind (with languages) and translation states by language."""
        severities = Counter(f.severity for f in self.findings)
        kinds = {kind: {"errors": 0, "warnings": 0, "notes": 0, "languages": {}} for kind in KINDS}
        for f in self.findings:
            kinds[f.kind][f.severity + "s"] += 1
            languages = kinds[f.kind]["languages"]
            languages[f.lang or "any"] = languages.get(f.lang or "any", 0) + 1
        pages = {lang: {state: 0 for state in STATES} for lang in self.site.settings.languages}
        for state in self.states:
            pages[state.lang][state.state] += 1
        return {"errors": severities[ERROR], "warnings": severities[WARNING],
                "notes": severities[NOTE], "kinds": kinds, "pages": pages}


def run_checks(project: Project, content_label: str = "content") -> CheckResult:
    """Build in memory (nothing is published) and gather every finding; BuildFailed if broken."""
    report = Report()
    cache = new_cache(project, keeps_pages=False)  # nothing to keep: render on every core
    site = load_site(project, report, cache)
    output = render_output(site, project, cache, report)
    files, copies = output.files, output.copies
    graph, languages = site.graph, site.settings.languages
    states = translation_status.page_states(graph, project.content,
                                            site.settings.default_language)
    findings = [
        *(found("links", ERROR, b.path, b.line, b.message, b.lang, b.url)
          for b in linkcheck.broken_links(site, files, copies, project)),
        *(cross_finding(link, content_label) for link in linkcheck.cross_language_links(
            graph, site.bodies)),
        *(state_finding(state, site, content_label) for state in states
          if state.state not in (UP_TO_DATE, ORIGINAL)),
        *(string_finding(gap) for gap in translation_status.catalogue_gaps(
            project.templates.parent, project.locales, languages)),
        *(lab_finding(gap, site, content_label) for gap in translation_status.lab_gaps(
            site.labs, project.content, languages)),
    ]
    return CheckResult(site, tuple(findings), tuple(states))


def cross_finding(link: linkcheck.CrossLink, label: str) -> Problem:
    """A link to a page in another language: a note when that page is meant to stay so."""
    target, language = link.target, LANGUAGE[link.target.content_lang]
    if target.only_in:
        return found("cross-language", NOTE, link.path, link.line,
                       f"links to {target.url}, deliberately in {language} only "
                       f"(the link says so with hreflang and a hint)", link.lang, link.url)
    return found("cross-language", WARNING, link.path, link.line,
                   f"links to {target.url}, which exists only in {language} (the link says so "
                   f"with hreflang and a hint); translate {label}/{target.path} or link elsewhere",
                   link.lang, link.url)


def state_finding(state: translation_status.PageState, site: Site, label: str) -> Problem:
    """A page missing, stale or of unknown state in one language."""
    page = site.graph.get(state.key, state.lang)
    url, where = page.url if page else None, state.path
    language = LANGUAGE[state.lang]
    if state.state == SINGLE:
        return found("missing", NOTE, where, 1, f"deliberately not in {language} (only_in); "
                       f"the {language} site shows it with a notice", state.lang, url)
    if state.state == MISSING:
        return found("missing", WARNING, where, 1, f"no {language} translation; the "
                       f"{language} site shows this page with a notice", state.lang, url)
    redo = f"python build.py mark-translated {label}/{where}"
    original = f"{label}/{state.original}"
    if state.state == UNKNOWN:
        why = (f"translated_from '{state.record}' is not {state.current[:3]}HASH"
               if state.record else "no record of what it was translated from")
        return found("stale", WARNING, where, state.line, f"translation status unknown: {why}; "
                       f"once it matches {original}, run: {redo}", state.lang, url)
    shown = "" if state.diff else (f" (no copy of the text it was translated from in "
                                   f"{label}/{translation_status.SNAPSHOTS}/, so no diff)")
    return found("stale", WARNING, where, state.line,
                   f"stale translation: {original} changed since it was translated "
                   f"({state.record}, now {state.current}){shown}; update it, then run: {redo}",
                   state.lang, url, state.diff)


def string_finding(gap: translation_status.MissingString) -> Problem:
    """An interface string shown in English on the other language's pages."""
    language = LANGUAGE[gap.lang]
    how = {"untranslated": f"has no {language} translation",
           "fuzzy": "is marked fuzzy, so pages show it in English; check it, drop the flag",
           "not in the catalogue": f"is not in the {language} catalogue yet; "
                                   f"see docs/translating.md"}[gap.why]
    return found("interface", WARNING, gap.path, gap.line, f"'{gap.msgid}' {how}", gap.lang)


def lab_finding(gap: translation_status.MissingLabText, site: Site, label: str) -> Problem:
    """A lab text in one language only: a note when the registry gives no other."""
    page = site.graph.get(f"labs/{gap.stem}", gap.lang)
    language, other = LANGUAGE[gap.lang], LANGUAGE["fr" if gap.lang == "en" else "en"]
    if gap.from_registry:
        return found("lab-fields", NOTE, gap.path, gap.line,
                       f"{gap.field}: the registry gives no {language} version; the {language} "
                       f"site shows the {other} one", gap.lang, page.url if page else None)
    return found("lab-fields", WARNING, gap.path, gap.line,
                   f"{gap.field}: no {language} version of the {other} text written here; "
                   f"add '{gap.lang}:' under '{gap.field}'", gap.lang, page.url if page else None)


def format_text(result: CheckResult) -> str:
    """The report for people: one group per kind, one line per finding, then the totals."""
    counts, lines, recap = result.counts(), [], []
    for kind, title in KINDS.items():
        found = [f for f in result.findings if f.kind == kind]
        tally = counts["kinds"][kind]
        parts = [counted(tally[s + "s"], s) for s in (ERROR, WARNING, NOTE) if tally[s + "s"]]
        languages = ", ".join(f"{lang} {n}" for lang, n in sorted(tally["languages"].items()))
        recap.append(f"{title}: {', '.join(parts) or 'none'}" + (f" ({languages})"
                                                                 if languages else ""))
        lines.append(recap[-1])
        for finding in sorted(found, key=lambda f: (f.path, f.line, f.message)):
            lines.append(str(finding))
            lines += [f"    {change}" for change in finding.diff]
        lines.append("")
    if len(lines) > 40:  # after a long list, the recap again, next to the totals
        lines += recap
    for lang, states in counts["pages"].items():
        lines.append(f"pages in {lang}: " + ", ".join(f"{n} {state}" for state, n
                                                      in states.items() if n))
    lines.append(f"check: {counted(counts['errors'], 'error')}, "
                 f"{counted(counts['warnings'], 'warning')}, {counted(counts['notes'], 'note')}")
    return "\n".join(lines)


def format_json(result: CheckResult) -> str:
    """The report for machines: {"problems": [...], "counts": {...}}."""
    problems = [asdict(f) | {"diff": list(f.diff)} for f in result.findings]
    return json.dumps({"problems": problems, "counts": result.counts()}, ensure_ascii=False,
                      indent=1)


def run_check(project: Project, label: str, strict: bool, fmt: str) -> int:
    """Check without publishing; exit 1 on errors, and on warnings too with `strict`."""
    try:
        result = run_checks(project, content_label=os.path.normpath(label))
    except BuildFailed as failed:
        errors = failed.errors
        if fmt == "json":
            print(json.dumps({"problems": [asdict(p) | {"diff": []} for p in errors],
                              "counts": {"errors": len(errors), "warnings": 0, "notes": 0}}))
        else:
            report(errors, sys.stdout)
            print(f"check: {counted(len(errors), 'error')} (the site does not build)")
        return 1
    print(format_json(result) if fmt == "json" else format_text(result))
    counts = result.counts()
    return 1 if counts["errors"] or (strict and counts["warnings"]) else 0


def run_mark_translated(project: Project, pages: list[Path], label: str) -> int:
    """Record in each given translation the text it now translates; exit 1 if any fails."""
    failed = 0
    for page in pages:
        line, ok = translation_status.mark_translated(project.content, page,
                                                      os.path.normpath(label))
        print(line)
        failed += not ok
    return 1 if failed else 0


def status_page(project: Project, lang: str) -> str:
    """The check's report as a page of the `lang` site, for the preview at `/_status/LANG/`."""
    try:
        result = run_checks(project)
    except BuildFailed as failed:
        items = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in failed.errors)
        return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>check'
                f"</title></head><body><main><h1>The site does not build</h1><ul>{items}</ul>"
                "</main></body></html>\n")
    site, base = result.site, result.site.settings.base_path
    assets = {name: f"{base}/{hashed}" for name, (hashed, _) in
              static_assets(project.static).items()}
    env = render.make_environment(project.templates, lang, site.translations[lang],
                                  site.settings, assets)
    shared = make_shared(replace(site, labs=(), facets={}),
                         {lang: render.site_menus(site.graph, lang)}, {})
    context = not_found_context(shared, lang, "")
    switch = tuple(Switch(code, LANGUAGE_NAMES[code], f"{base}/_status/{code}/", code == lang,
                          True) for code in site.settings.languages)
    shown = [f for f in result.findings if f.lang in (lang, None)]
    groups = [(kind, sorted((f for f in shown if f.kind == kind),
                            key=lambda f: (f.path, f.line, f.message))) for kind in KINDS]
    return env.get_template("status.html").render(
        context | {"page": replace(context["page"], key="_status", kind="status",
                                   url=f"{base}/_status/{lang}/"),
                   "switcher": switch, "groups": groups,
                   "pages": result.counts()["pages"][lang],
                   "totals": Counter(f.severity for f in shown)})
