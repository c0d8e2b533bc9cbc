"""A page's place in the site's menus: reading `menu:` and checking parents across pages."""

from __future__ import annotations

from dataclasses import dataclass

from ..problems import Problem, did_you_mean, error

MENUS = ("main", "footer")
ENTRY_KEYS = ("name", "label", "parent", "weight")


@dataclass(frozen=True)
class MenuEntry:
    """Where a page is listed: which menu, under which label, below which page, at which weight."""

    name: str = "main"
    label: str = ""  # empty: the page's title
    parent: str = ""  # the parent page's key ("partnerships/industry"); empty: top level
    weight: int | None = None  # None: the page's own weight


def read_menu(value) -> tuple[MenuEntry | None, str | None]:
    """`menu: true`, `menu: footer`, `menu: "Label"` or a mapping; or the message saying why not."""
    if value is True:
        return MenuEntry(), None
    if value is False or value is None:
        return None, None
    if isinstance(value, str) and value.strip():
        text = value.strip()
        return (MenuEntry(text) if text in MENUS else MenuEntry(label=text)), None
    if not isinstance(value, dict):
        return None, ("'menu' must be true, a menu name (main, footer), the label to show in "
                      "the main navigation, or a mapping such as "
                      "'{name: main, label: Industry, parent: partnerships, weight: 2}'")
    for key in value:
        if key in MENUS:
            return None, ("'menu' names the menu with 'name' here: "
                          f"write '{_rewritten(key, value[key])}'")
        if key not in ENTRY_KEYS:
            hint = did_you_mean(str(key), ENTRY_KEYS) or f" (keys: {', '.join(ENTRY_KEYS)})"
            return None, f"'menu' has an unknown key '{key}'{hint}"
    name, weight = value.get("name", "main"), value.get("weight")
    if name not in MENUS:
        return None, (f"'menu' name '{name}' is not a menu ({', '.join(MENUS)})"
                      f"{did_you_mean(str(name), MENUS)}")
    if weight is not None and (not isinstance(weight, int) or isinstance(weight, bool)):
        return None, "'menu' weight must be a whole number"
    for key in ("label", "parent"):
        if not isinstance(value.get(key, ""), str):
            return None, f"'menu' {key} must be a text"
    return MenuEntry(name, value.get("label", "").strip(), value.get("parent", "").strip("/ "),
                     weight), None


def _rewritten(menu: str, inner) -> str:
    """Hugo's `menu: {main: {name: Label, weight: 2}}` in this site's shape."""
    renamed = {"name": "label"}
    pairs = [f"{renamed.get(k, k)}: {v}" for k, v in (inner or {}).items()
             if isinstance(inner, dict) and renamed.get(k, k) in ENTRY_KEYS]
    return "menu: {" + ", ".join([f"name: {menu}", *pairs]) + "}"


def menu_problems(sources) -> list[Problem]:
    """An unknown parent (with the closest ones) or a cycle of parents, at the page's line."""
    entries = {(s.lang, s.menu.name, s.key): s for s in sources if s.menu}
    problems = []
    for (lang, name, key), source in entries.items():
        line = dict(source.key_lines).get("menu", 1)
        parent, seen = source.menu.parent, {key}
        if parent and (lang, name, parent) not in entries:
            known = sorted(k for (la, n, k) in entries if la == lang and n == name and k != key)
            problems.append(error(source.path, line, f"menu: parent '{parent}' is not a page of "
                                  f"the {name} menu{did_you_mean(parent, known)}"))
            continue
        while parent and (lang, name, parent) in entries:
            if parent in seen:
                loop = " → ".join([key, *sorted(seen - {key})])
                problems.append(error(source.path, line, f"menu: parent '{source.menu.parent}' "
                                      f"leads back to this page ({loop}): give one of them no "
                                      "parent"))
                break
            seen.add(parent)
            parent = entries[(lang, name, parent)].menu.parent
    return problems
