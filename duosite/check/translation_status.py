"""Where each translation stands: pages, interface strings and lab texts, from records alone."""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from ..content.i18n import catalogue_path
from ..content.labs import Lab
from ..content.pages import TranslationGraph
from ..content.settings import load_settings
from ..content.sources import Source, parse_page

SNAPSHOTS = ".translation-sources"  # in the content tree; dot-folders are never published
RECORD = re.compile(r"([a-z]{2})@([0-9a-f]{12})")
UP_TO_DATE, STALE, UNKNOWN, MISSING, SINGLE, ORIGINAL = (
    "up to date", "stale", "unknown", "missing", "single-language", "original")
LAB_TEXTS = ("name", "themes", "summary")
PROVIDED = re.compile(r"^# Refreshed from the registry on each import: (.*)$", re.MULTILINE)


@dataclass(frozen=True)
class PageState:
    """One page key in one language: its translation state and what it is based on."""

    key: str
    lang: str
    state: str  # UP_TO_DATE, STALE, UNKNOWN, MISSING, SINGLE or ORIGINAL
    path: str  # the file concerned (for MISSING and SINGLE: the only file there is)
    line: int = 1
    original: str = ""  # the file it is translated from
    record: str = ""  # what its front matter says it was translated from
    current: str = ""  # the record the original's text would get today
    diff: tuple[str, ...] = ()  # paragraphs removed ("- …") and added ("+ …") since


def normalised_text(source: Source) -> str:
    """Title and body, one paragraph per line pair, runs of whitespace made single spaces."""
    paragraphs = re.split(r"\n[ \t]*\n", f"{source.title}\n\n{source.body}")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def text_hash(text: str) -> str:
    """A short, stable fingerprint of a normalised text (12 hex digits)."""
    return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


def record_of(source: Source) -> str:
    """What a translation of `source` records: `en@3f9a1c2b7d40`."""
    return f"{source.lang}@{text_hash(normalised_text(source))}"


def snapshot_path(content: Path, original: Source) -> Path:
    """Where the text a translation was made from is kept."""
    return content / SNAPSHOTS / original.path


def paragraph_diff(before: str, after: str) -> tuple[str, ...]:
    """Paragraphs removed and added between two normalised texts."""
    old, new = before.split("\n\n"), after.split("\n\n")
    lines = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag != "equal":
            lines += [f"- {p}" for p in old[i1:i2]] + [f"+ {p}" for p in new[j1:j2]]
    return tuple(lines)


def page_states(graph: TranslationGraph, content: Path, default_lang: str) -> list[PageState]:
    """The state of every written page key in every language, in key order."""
    states = []
    for key in sorted(graph.pages):
        versions = {lang: page.source for lang, page in graph.pages[key].items()
                    if page.source is not None and not page.is_fallback}
        if not versions:
            continue  # generated from lab data
        recorded = [lang for lang, source in versions.items() if source.translated_from]
        for lang in graph.languages:
            source = versions.get(lang)
            if source is None:
                only = next(iter(versions.values()))
                states.append(PageState(key, lang, SINGLE if only.only_in else MISSING,
                                        only.path))
            elif len(versions) == 1 or (recorded and lang not in recorded) or (
                    not recorded and lang == default_lang):
                states.append(PageState(key, lang, ORIGINAL, source.path))
            else:
                other = next(s for code, s in versions.items() if code != lang)
                states.append(translation_state(source, other, content))
    return states


def translation_state(translation: Source, original: Source, content: Path) -> PageState:
    """Up to date, stale (with what changed) or unknown, from the translation's record."""
    current = record_of(original)
    common = {"key": translation.key, "lang": translation.lang, "path": translation.path,
              "original": original.path, "current": current}
    record = (translation.translated_from or "").strip()
    match = RECORD.fullmatch(record)
    line = translation.line_of("translated_from") if record else 1
    if not match or match.group(1) != original.lang:
        return PageState(state=UNKNOWN, line=line, record=record, **common)
    if record == current:
        return PageState(state=UP_TO_DATE, line=line, record=record, **common)
    snapshot, diff = snapshot_path(content, original), ()
    if snapshot.is_file():
        before = snapshot.read_text(encoding="utf-8").strip("\n")
        if text_hash(before) == match.group(2):
            diff = paragraph_diff(before, normalised_text(original))
    return PageState(state=STALE, line=line, record=record, diff=diff, **common)


def with_record(text: str, record: str) -> str:
    """A page's text with `translated_from: RECORD` set in its front matter, nothing else moved."""
    end = text.find("\n---", 3)
    newline = "\r\n" if "\r\n" in text[:end + 1] else "\n"
    existing = re.search(r"^translated_from[ \t]*:[^\r\n]*", text[:end + 1], re.MULTILINE)
    line = f"translated_from: {record}"
    if existing:
        return text[:existing.start()] + line + text[existing.end():]
    return text[:end + 1] + line + newline + text[end + 1:]


def mark_translated(content: Path, page: Path, label: str) -> tuple[str, bool]:
    """Record in a translation the text of its original, and keep a copy of that text.

    Returns the line to print and whether it worked; the page's other bytes are kept as they are.
    """
    languages = load_settings(content)[0].languages
    try:
        rel = page.resolve().relative_to(content.resolve()).as_posix()
    except ValueError:
        return f"{page}: not a page of {label}/", False
    if not page.is_file():
        return f"{label}/{rel}: no such page", False
    translation, problems = parse_page(rel, page.read_bytes(), languages)
    if translation is None:
        return "\n".join(f"{label}/{problem}" for problem in problems), False
    folder, _, name = rel.rpartition("/")
    other = next(code for code in languages if code != translation.lang)
    original_rel = (f"{folder}/" if folder else "") + name.removesuffix(
        f".{translation.lang}.md") + f".{other}.md"
    file = content / original_rel
    original = parse_page(original_rel, file.read_bytes(), languages)[0] if file.is_file() \
        else None
    if original is None:
        return (f"{label}/{rel}:1: no readable {other} original ({label}/{original_rel}) "
                "to mark it as translated from"), False
    record = record_of(original)
    text = page.read_bytes().decode("utf-8")
    page.write_bytes(with_record(text, record).encode("utf-8"))
    snapshot = snapshot_path(content, original)
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    snapshot.write_text(normalised_text(original) + "\n", encoding="utf-8")
    return f"{label}/{rel}: translated_from: {record} ({label}/{original_rel})", True


@dataclass(frozen=True)
class MissingString:
    """An interface string the catalogue of `lang` does not translate."""

    path: str  # the catalogue, or the template using a string the catalogue lacks
    line: int
    msgid: str
    lang: str
    why: str  # "untranslated", "fuzzy" or "not in the catalogue"


def catalogue_gaps(root: Path, locales: Path, languages: tuple[str, ...]) -> list[MissingString]:
    """Strings of the templates and engine that a language's catalogue does not translate."""
    used = extracted_strings(root)
    gaps = []
    for lang in languages[1:]:
        po = catalogue_path(locales, lang)
        if not po.is_file():
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle)
        shown = po.relative_to(root).as_posix() if po.is_relative_to(root) else str(po)
        known = set()
        for message in list(catalog)[1:]:
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            known.add((msgid, message.context))
            strings = message.string if isinstance(message.string, list | tuple) else [
                message.string]
            why = "untranslated" if not all(strings) else "fuzzy" if message.fuzzy else ""
            if why:
                gaps.append(MissingString(shown, message.lineno, msgid, lang, why))
        gaps += [MissingString(path, line, msgid, lang, "not in the catalogue")
                 for (msgid, context), (path, line) in used.items()
                 if (msgid, context) not in known]
    return gaps


def extracted_strings(root: Path) -> dict[tuple[str, str | None], tuple[str, int]]:
    """(msgid, context) -> where it is first used, as `babel.cfg` says to extract them."""
    config = root / "babel.cfg"
    if not config.is_file():
        return {}
    with config.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    root = root.resolve()
    tops = {pattern.split("/")[0] for pattern, _ in method_map}

    def keep(folder: str) -> bool:  # walk only the folders babel.cfg names, not content/
        return Path(folder).relative_to(root).parts[0] in tops

    sources = tuple((path, path.stat().st_mtime_ns, path.stat().st_size)
                    for top in sorted(tops) for path in sorted((root / top).rglob("*"))
                    if path.is_file())
    key = (root, config.read_bytes(), sources)  # every file babel could read, as it is now
    if key not in _EXTRACTED:
        found = {}
        for path, line, message, _comments, context in extract_from_dir(
                root, method_map, options_map, directory_filter=keep):
            msgid = message if isinstance(message, str) else message[0]
            found.setdefault((msgid, context), (path, line))
        _EXTRACTED.clear()
        _EXTRACTED[key] = found
    return dict(_EXTRACTED[key])


_EXTRACTED: dict = {}  # the last extraction, reused while no file it read has changed


@dataclass(frozen=True)
class MissingLabText:
    """A lab text (name, themes, summary) given in one language only."""

    path: str  # the lab file, relative to the content tree
    line: int
    stem: str
    field: str
    lang: str  # the language it is missing in
    from_registry: bool  # the other language's text comes from the registry


def lab_gaps(labs: tuple[Lab, ...], content: Path, languages: tuple[str, ...]
             ) -> list[MissingLabText]:
    """Lab names, themes and summaries present in one language and absent in the other."""
    gaps = []
    for lab in labs:
        text = None
        for field in LAB_TEXTS:
            value = getattr(lab, field)
            for lang in languages:
                other = next(code for code in languages if code != lang)
                if getattr(value, lang, None) or not getattr(value, other, None):
                    continue
                if text is None:
                    text = (content / lab.path).read_text(encoding="utf-8")
                provided = PROVIDED.search(text)
                given = provided.group(1).split(", ") if provided else ()
                at = text.find(f"\n{field}:")
                line = text.count("\n", 0, at + 1) + 1 if at >= 0 else 1
                gaps.append(MissingLabText(lab.path, line, lab.stem, field, lang,
                                           f"{field}.{other}" in given))
    return gaps
