"""A Hugo page's front matter (YAML, TOML or JSON) read, and written as this site's."""

from __future__ import annotations

import json
import re
import tomllib
from datetime import datetime

import yaml

Note = tuple[int, str, bool]  # (line, message, needs an edit)

KEPT = ("title", "description", "slug", "weight", "draft", "summary", "aliases")
RENAMED = {"lastmod": "updated", "publishdate": "date", "pubdate": "date"}
USED = ("translationkey", "menu", "linktitle", "url", "date")


def split_front_matter(text: str) -> tuple[dict | None, str, int, list[Note]]:
    """(front matter, body, the body's first line, problems) for YAML, TOML or JSON."""
    text = text.lstrip("\ufeff")
    fences = {"---": "yaml", "+++": "toml"}
    first = text.split("\n", 1)[0].strip()
    if first in fences:
        end = re.search(rf"^{re.escape(first)}[ \t]*$", text[len(first):], re.MULTILINE)
        if end is None:
            return None, text, 1, [(1, "front matter is not closed", True)]
        head, rest = text[len(first):len(first) + end.start()], text[len(first) + end.end():]
        line = head.count("\n") + 1 + len(rest) - len(rest.lstrip("\n"))
        return _parse(head, fences[first]), rest.lstrip("\n"), line, []
    if text.startswith("{"):
        decoder = json.JSONDecoder()
        try:
            meta, end = decoder.raw_decode(text)
        except json.JSONDecodeError as exc:
            return None, text, exc.lineno, [(exc.lineno, f"JSON front matter: {exc.msg}", True)]
        return meta, text[end:].lstrip("\n"), text.count("\n", 0, end) + 2, []
    return {}, text, 1, []


def _parse(head: str, kind: str) -> dict | None:
    try:
        meta = tomllib.loads(head) if kind == "toml" else yaml.safe_load(head)
    except (tomllib.TOMLDecodeError, yaml.YAMLError):
        return None
    return meta if isinstance(meta, dict) else {} if meta is None else None


def _menu(meta: dict, out: dict, notes: list[Note], main: frozenset[str]) -> None:
    menu = meta.get("menu")
    entries = {menu: {}} if isinstance(menu, str) else dict.fromkeys(menu, {}) \
        if isinstance(menu, list) else menu if isinstance(menu, dict) else {}
    for name, entry in entries.items():
        entry = entry if isinstance(entry, dict) else {}
        if name not in main:
            notes.append((1, f"menu '{name}': only the main menu is read here", True))
            continue
        label = entry.get("name") or meta.get("linkTitle") or meta.get("linktitle")
        out["menu"] = label if isinstance(label, str) and label != out.get("title") else True
        if isinstance(entry.get("weight"), int) and "weight" not in out:
            out["weight"] = entry["weight"]
        if entry.get("parent"):
            notes.append((1, f"menu entry under '{entry['parent']}': the main menu here has "
                          "one level; it is listed at the top", True))


def _iso(value: object) -> object:
    """A Hugo date written as text ('2018-05-25 05:13:41 -1100') as ISO 8601, if it is one."""
    if not isinstance(value, str):
        return value
    text = re.sub(r"\s*([+-]\d\d):?(\d\d)$", r"\1:\2", value.strip()).replace(" ", "T", 1)
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return value


def _clean(out: dict, notes: list[Note]) -> dict:
    """Empty values dropped, numbers and dates in the types this site reads."""
    out = {k: v for k, v in out.items() if v not in ("", None, [], {})}
    if "weight" in out and not isinstance(out["weight"], int):
        try:
            out["weight"] = int(str(out["weight"]))
        except ValueError:
            notes.append((1, f"weight '{out.pop('weight')}' is not a whole number: dropped", True))
    for key in ("date", "updated"):
        if key in out:
            out[key] = _iso(out[key])
    return out


def convert_meta(meta: dict, fallback_title: str, main: frozenset[str] = frozenset({"main"})
                 ) -> tuple[dict, list[str], list]:
    """Hugo front matter as this site's: (kept keys, comments for the rest, notes)."""
    out: dict = {}
    notes: list[Note] = []
    comments: list[str] = []
    for key, value in meta.items():
        low = str(key).lower()
        if low in KEPT:
            out[low] = value
        elif low in RENAMED and RENAMED[low] not in out:
            out[RENAMED[low]] = value
        elif low not in USED:  # one line each, whatever the value holds
            comments.append(f"{key}: {json.dumps(value, ensure_ascii=False, default=str)}")
    if "date" in meta:
        out["date"] = meta["date"]
    out = _clean(out, notes)
    if "menu" in meta:
        _menu(meta, out, notes, main)
    url = meta.get("url")
    if isinstance(url, str) and url.strip("/"):
        aliases = out.get("aliases") or []
        aliases = [aliases] if isinstance(aliases, str) else list(aliases)
        path = "/" + url.strip("/")
        out["aliases"] = [*aliases, path if re.search(r"\.html?$", path) else path + "/"]
        notes.append((1, f"'url: {url}' is kept as an alias: the page's URL here comes from "
                      "its file's place and slug", False))
    if isinstance(out.get("aliases"), list):
        out["aliases"] = ["/" + a.lstrip("/") if isinstance(a, str) else a
                          for a in out["aliases"]]
    if not str(out.get("title") or "").strip():
        out["title"] = fallback_title
        notes.append((1, f"no title: named '{fallback_title}' after its file; check it", True))
    if comments:
        names = ", ".join(sorted({c.split(":", 1)[0] for c in comments}))
        notes.append((1, f"front matter {names}: no equivalent here, kept as comments", False))
    return out, comments, notes
