"""A Hugo page's body: common shortcodes as Markdown or HTML, the others listed."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from duosite.markdown.detect import blank_code

SHORTCODE = re.compile(r"\{\{([<%])\s*(/?)\s*([\w./-]+)(.*?)\s*([>%])\}\}", re.DOTALL)
ESCAPED = re.compile(r"\{\{([<%])/\*\s*(.*?)\s*\*/([>%])\}\}", re.DOTALL)
HIGHLIGHT = re.compile(r"\{\{[<%]\s*highlight\s+(.*?)\s*[>%]\}\}(\n?)(.*?)\n?"
                       r"\{\{[<%]\s*/\s*highlight\s*[>%]\}\}", re.DOTALL)
PAIRED = re.compile(r"\{\{[<%]\s*(notice|alert|hint|callout|expand|button)\b(.*?)[>%]\}\}"
                    r"(.*?)\{\{[<%]\s*/\s*\1\s*[>%]\}\}", re.DOTALL)
CHILDREN = re.compile(r"\{\{[<%]\s*children\b.*?[>%]\}\}")
VIDEO = {"youtube": ("https://www.youtube.com/watch?v={}", "YouTube"),
         "vimeo": ("https://vimeo.com/{}", "Vimeo")}
WATCH = {"en": "Watch the video on {}", "fr": "Voir la vidéo sur {}"}


@dataclass(frozen=True)
class Context:
    """What converting a body needs to know about its page and the tree it comes from."""

    lang: str
    resolve: Callable[[str], str | None]  # a ref/relref target -> this site's link, if any
    notes: list = field(default_factory=list)


def _arguments(text: str) -> tuple[list[str], dict[str, str]]:
    try:
        words = shlex.split(text.replace("`", '"'))
    except ValueError:
        words = text.split()
    named = dict(w.split("=", 1) for w in words if re.match(r"\w+=", w))
    return [w for w in words if not re.match(r"\w+=", w)], named


def _figure(named: dict[str, str], line: int, context: Context) -> str:
    src = named.get("src", "")
    alt = named.get("alt") or named.get("title") or ""
    if not alt:
        context.notes.append((line, f"figure '{src}' has no alt text: write one", True))
    image = f'<img src="{escape(src)}" alt="{escape(alt)}">'
    if named.get("link"):
        image = f'<a href="{escape(named["link"])}">{image}</a>'
    caption = named.get("caption") or named.get("title") or ""
    caption = f"\n<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return f"<figure>\n{image}{caption}\n</figure>"


def _shortcode(match: re.Match, text: str, first_line: int, context: Context) -> str:
    line = first_line + text.count("\n", 0, match.start())
    closing, name, args = match.group(2), match.group(3), match.group(4)
    positional, named = _arguments(args)
    if not closing and name in VIDEO:
        video = named.get("id") or (positional[0] if positional else "")
        url, site = VIDEO[name]
        return f"[{WATCH.get(context.lang, WATCH['en']).format(site)}]({url.format(video)})"
    if not closing and name == "figure":
        return _figure(named, line, context)
    if not closing and name in ("ref", "relref"):
        target = named.get("path") or (positional[0] if positional else "")
        link = context.resolve(target)
        if link is None:
            context.notes.append((line, f"{name} '{target}': no such page in the tree", True))
            return target
        return link
    if not closing:
        context.notes.append((line, f"shortcode '{name}' has no equivalent here: rewrite it "
                              "in Markdown or HTML", True))
    return match.group(0)


def _paired(match: re.Match) -> str:
    """Notices, expandable blocks and buttons, as HTML blocks that hold Markdown."""
    name, (positional, named), inner = match.group(1), _arguments(match.group(2)), match.group(3)
    first = positional[0] if positional else ""
    if name == "button":
        return f"[{inner.strip()}]({named.get('href', first)})"
    if name == "expand":
        summary = escape(first or "…")
        return f"<details>\n<summary>{summary}</summary>\n\n{inner.strip()}\n\n</details>"
    kind = re.sub(r"[^\w-]", "", named.get("type", first)) or "note"
    return f'<div class="notice notice-{kind}">\n\n{inner.strip()}\n\n</div>'


def _highlight(match: re.Match) -> str:
    positional, _ = _arguments(match.group(1))
    code = match.group(3)
    if not match.group(2):  # inline, as in a table cell: a code span
        ticks = "`" * (max((len(t) for t in re.findall(r"`+", code)), default=0) + 1)
        return f"{ticks} {code.strip()} {ticks}" if "`" in code else f"`{code.strip()}`"
    return f"```{positional[0] if positional else ''}\n{code.strip(chr(10))}\n```"


def _demote_headings(body: str, first_line: int, context: Context) -> str:
    """Every heading one level down when the body has a level-1 one (the title is the h1)."""
    masked = blank_code(body)
    heads = [m for m in re.finditer(r"^#{1,5}(?= )", masked, re.MULTILINE)]
    if not any(len(m.group(0)) == 1 for m in heads):
        return body
    first = next(m for m in heads if len(m.group(0)) == 1)
    context.notes.append((first_line + body.count("\n", 0, first.start()), "headings moved "
                          "one level down: the page's title is its only level-1 heading", False))
    for match in reversed(heads):
        body = body[:match.start()] + "#" + body[match.start():]
    return body


def convert_body(body: str, first_line: int, title: str, context: Context) -> str:
    """The body with common shortcodes converted, a repeated title heading dropped."""
    lines = body.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), 0)
    heading = re.match(r"#\s+(.*?)\s*#*\s*$", lines[start]) if lines else None
    if heading and heading.group(1).strip().casefold() == title.strip().casefold():
        lines[start] = ""  # the title is the page's h1 already
    body = _demote_headings("\n".join(lines), first_line, context)
    body = HIGHLIGHT.sub(_highlight, body)
    escaped: list[str] = []

    def keep(match: re.Match) -> str:
        escaped.append(f"{{{{{match.group(1)} {match.group(2)} {match.group(3)}}}}}")
        return f"\x00{len(escaped) - 1}\x00"

    body = ESCAPED.sub(keep, body)
    if CHILDREN.search(body):
        context.notes.append((first_line + body.count("\n", 0, CHILDREN.search(body).start()),
                              "'children' removed: a section page lists its pages itself",
                              False))
        body = CHILDREN.sub("", body)
    body = PAIRED.sub(_paired, body)
    body = SHORTCODE.sub(lambda m: _shortcode(m, body, first_line, context), body)
    return re.sub(r"\x00(\d+)\x00", lambda m: escaped[int(m.group(1))], body)
