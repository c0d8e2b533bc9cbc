"""Convert a bilingual Hugo site's content into this site's layout; list what needs a hand.

    python3 scripts/hugo_to_duosite.py HUGO_SITE NEW_CONTENT_FOLDER

Pages become NAME.en.md / NAME.fr.md (from `page.fr.md` names or `content/fr/` folders,
paired by path or `translationKey`), front matter becomes YAML, common shortcodes become
Markdown or HTML. Each thing it could not convert is printed as `path:line: message`, the
path relative to the Hugo content folder; `note:` lines need no edit.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from hugo_frontmatter import convert_meta, split_front_matter  # noqa: E402
from hugo_shortcodes import Context, convert_body  # noqa: E402
from hugo_tree import (  # noqa: E402
    LANGUAGES,
    HugoFile,
    find_files,
    main_menus,
    make_resolver,
    pair_by_translation_key,
    read_config,
    read_page,
    target_key,
)

from duosite.markdown.detect import (  # noqa: E402
    conflict_markers,
    markdown_h1,
    raw_markdown_in_html,
    template_syntax,
)

ASSET_LINK = re.compile(r"(\]\(|\b(?:src|href)=\")(?![a-z][\w+.-]*:|#)([^)\"\s]+)")


def bundle_links(body: str, file: HugoFile, content: Path, static: set[str]) -> str:
    """Links to files of the tree (a bundle's images) or of static/, from the content root."""
    source_dir = (content / file.rel).parent
    folders = any((content / lang).is_dir() for lang in LANGUAGES)

    def absolute(match: re.Match) -> str:
        target = match.group(2)
        path = target.split("#")[0].split("?")[0]  # '?width=…': the theme's resizing hints
        if path.startswith("/"):
            lang, _, rest = path[1:].partition("/")
            found = content / (path[1:] if folders else rest) if lang in LANGUAGES else None
        else:
            found = source_dir / path
        if path.startswith("/") and path[1:] in static:
            return match.group(1) + path  # a file of static/, copied beside the pages
        if found is None or not found.is_file() or content.resolve() not in found.resolve().parents:
            return match.group(0)
        rel = found.resolve().relative_to(content.resolve()).as_posix().split("/")
        return match.group(1) + "/" + "/".join(rel[1:] if folders else rel)

    return ASSET_LINK.sub(absolute, body)


def convert_file(file: HugoFile, content: Path, resolver, notes: list,
                 main: frozenset[str], static: set[str]) -> tuple[str, str | None]:
    """(the page's new text, its translationKey) for one Hugo file; notes gain its problems."""
    text = read_page(content / file.rel)
    if text is None:
        notes.append((file.rel, 1, "not UTF-8 text: save it as UTF-8 and convert again", True))
        return "", None
    meta, body, body_line, found = split_front_matter(text)
    if meta is None:
        notes.extend((file.rel, line or 1, message or "front matter cannot be read", True)
                     for line, message, _ in (found or [(1, "", True)]))
        return "", None
    fallback = file.logical.rpartition("/")[2].replace("-", " ").replace("_", " ").strip()
    fallback = (fallback if fallback not in ("index", "_index") else "Home").capitalize()
    new_meta, comments, meta_notes = convert_meta(meta, fallback, main)
    context = Context(file.lang, resolver)
    new_body = convert_body(body, body_line, str(new_meta["title"]), context)
    new_body = bundle_links(new_body, file, content, static)
    checks = [*template_syntax(new_body, body_line), *raw_markdown_in_html(new_body, body_line),
              *markdown_h1(new_body, body_line), *conflict_markers(new_body, body_line)]
    shortcode_lines = {line for line, _, _ in context.notes}
    checks = [c for c in checks if c[0] not in shortcode_lines or "template" not in c[1]]
    notes.extend((file.rel, line, message, edit)
                 for line, message, edit in [*meta_notes, *context.notes])
    notes.extend((file.rel, line, message, True) for line, message in checks)
    head = yaml.safe_dump(new_meta, allow_unicode=True, sort_keys=False, width=100)
    head += "".join(f"# from Hugo: {c}\n" for c in comments)
    key = meta.get("translationKey") or meta.get("translationkey")
    return f"---\n{head}---\n{new_body.lstrip(chr(10))}", str(key) if key else None


def site_yaml(config: dict) -> str:
    """site.yaml from Hugo's configuration: the site's name per language and its address."""
    names = {lang: (config.get("languages") or config.get("Languages") or {}).get(lang, {})
             .get("title") or config.get("title") for lang in LANGUAGES}
    values = {"name": {k: v for k, v in names.items() if v} or "Site"}
    base = str(config.get("baseURL") or config.get("baseurl") or "")
    if base.startswith(("http://", "https://")):
        values["base_url"] = base.rstrip("/")
    return yaml.safe_dump(values, allow_unicode=True, sort_keys=False)


def convert_site(site: Path, out: Path) -> list[tuple[str, int, str, bool]]:
    """Write the converted content tree into `out`; the list of what needs a hand."""
    config = read_config(site)
    content = site / str(config.get("contentDir") or "content")
    default = str(config.get("defaultContentLanguage") or "en").lower()
    files, skipped = find_files(content, default if default in LANGUAGES else "en")
    notes: list = [(rel, 1, why, False) for rel, why in skipped]
    logicals = {f.logical: target_key(f.logical) for f in files}
    texts, keys = {}, {}
    main = main_menus(files, content)
    static_dir = site / "static"
    static = {p.relative_to(static_dir).as_posix() for p in static_dir.rglob("*")
              if p.is_file()} if static_dir.is_dir() else set()
    if main != {"main"}:
        notes.append(("", 0, f"no 'main' menu: menus {', '.join(sorted(main))} are read as "
                      "the main menu", False))
    for file in files:
        texts[file.rel], keys[file.rel] = convert_file(
            file, content, make_resolver(file, logicals), notes, main, static)
    placed = pair_by_translation_key(files, keys, default)
    notes += write_pages(files, texts, placed, out)
    notes += copy_assets(content, out, default)
    copy_static(static_dir, static, out)
    (out / "site.yaml").write_text(site_yaml(config), encoding="utf-8")
    notes.append(("site.yaml", 1, "add the publisher, director, host, contact and "
                  "accessibility facts the build requires (see docs/content.md)", True))
    return notes


def write_pages(files: list[HugoFile], texts: dict[str, str], placed: dict, out: Path
                ) -> list[tuple[str, int, str, bool]]:
    """Write each converted page at its place; two pages on one place are a note each."""
    written: dict[str, str] = {}
    notes = []
    for file in files:
        key, slug = placed[file.rel]
        target = f"{key}.{file.lang}.md"
        if not texts[file.rel]:
            continue
        if target in written:
            notes.append((file.rel, 1, f"both this and {written[target]} would be {target}: "
                          "keep one", True))
            continue
        text = texts[file.rel]
        if slug and "\nslug:" not in text.split("\n---", 1)[0]:
            text = text.replace("---\n", f"---\nslug: {slug}\n", 1)
        written[target] = file.rel
        (out / target).parent.mkdir(parents=True, exist_ok=True)
        (out / target).write_text(text, encoding="utf-8")
    return notes


def copy_assets(content: Path, out: Path, default: str) -> list[tuple[str, int, str, bool]]:
    """Copy the tree's other files (bundle images, PDFs) to the same place, less language."""
    notes = []
    folders = any((content / lang).is_dir() for lang in LANGUAGES)
    for path in sorted(p for p in content.rglob("*") if p.is_file() and p.suffix != ".md"):
        rel = path.relative_to(content).as_posix()
        parts = rel.split("/")
        if folders and parts[0] in LANGUAGES:
            parts = parts[1:]
        target = out / "/".join(parts)
        if target.exists():
            if target.read_bytes() != path.read_bytes():
                notes.append((rel, 1, f"another file is already at {'/'.join(parts)}: "
                              "rename one", True))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return notes


def copy_static(static_dir: Path, files: set[str], out: Path) -> None:
    """Copy the files of Hugo's static/ that the converted pages link to."""
    pages = " ".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    for rel in sorted(files):
        if f"/{rel}" in pages and not (out / rel).exists():
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(static_dir / rel, out / rel)


def main(argv: list[str] | None = None) -> int:
    """Convert; print what needs a hand and a summary line. 1 if anything needs an edit."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="the Hugo site (the folder with content/)")
    parser.add_argument("out", type=Path, help="a new folder for this site's content tree")
    args = parser.parse_args(argv)
    if not (args.site / "content").is_dir() and not read_config(args.site).get("contentDir"):
        print(f"{args.site}: no content/ folder: give the Hugo site's folder", file=sys.stderr)
        return 2
    if args.out.exists() and any(args.out.iterdir()):
        print(f"{args.out}: not empty: give a new folder", file=sys.stderr)
        return 2
    try:
        read_config(args.site)
    except (ValueError, yaml.YAMLError) as exc:  # TOMLDecodeError is a ValueError
        print(f"{args.site}: the Hugo configuration cannot be read: {exc}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    notes = convert_site(args.site, args.out)
    for rel, line, message, edit in sorted(notes, key=lambda n: (n[0], n[1], n[2])):
        where = f"{rel}:{line}: " if rel else ""
        print(f"{where}{'' if edit else 'note: '}{message}")
    pages = sum(1 for _ in args.out.rglob("*.md"))
    edits = sum(1 for note in notes if note[3])
    print(f"Converted {pages} pages into {args.out}: {edits} thing{'s' if edits != 1 else ''} "
          f"to edit, {len(notes) - edits} note{'s' if len(notes) - edits != 1 else ''}")
    return 1 if edits else 0


if __name__ == "__main__":
    sys.exit(main())
