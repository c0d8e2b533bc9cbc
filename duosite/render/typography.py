"""French typography: the no-break spaces French puts before high punctuation and inside « »."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

NBSP, NNBSP = "\u00a0", "\u202f"

# a run of spaces before punctuation: ';', '!', '?' take a narrow no-break space, ':' and
# '»' a no-break space (the French national printing office's rule, as CLDR has it)
_SPACE_BEFORE = re.compile(r"[ \t\n\r\u00a0\u202f]+([;!?:»])")
_SPACE_AFTER_QUOTE = re.compile(r"«[ \t\n\r\u00a0\u202f]*")
# punctuation written without its space: only after a letter (never '10:30', 'https://',
# 'page?id=2'), and only when a space, a closing mark or the end of the text follows
_BARE = re.compile(r"(?:(?<=[^\W\d_])|(?<=[)\]’”]))([;!?:])(?=[\s)\]”’]|$)")
_BARE_CLOSING_QUOTE = re.compile(r"(?<=[^\s\u00a0\u202f«])»")

_MARK = re.compile(r"[;!?:«»]")
_SPACE_FOR = {";": NNBSP, "!": NNBSP, "?": NNBSP, ":": NBSP, "»": NBSP}


def french_spaces(text: str, insert: bool = True) -> str:
    """Text with French no-break spaces before ; ! ? : » and after «; `insert`: add missing ones."""
    if not _MARK.search(text):
        return text
    if insert:
        text = _BARE.sub(lambda m: _SPACE_FOR[m.group(1)] + m.group(1), text)
        text = _BARE_CLOSING_QUOTE.sub(NBSP + "»", text)
    text = _SPACE_BEFORE.sub(lambda m: _SPACE_FOR[m.group(1)] + m.group(1), text)
    return _SPACE_AFTER_QUOTE.sub("«" + NBSP, text)


def _case_free(word: str) -> str:
    """A pattern matching `word` in any case, as `re.IGNORECASE` would (ſ is an s, K a k)."""
    folds = {"s": "sS\u017f", "k": "kK\u212a"}
    return "".join(f"[{folds.get(c, c + c.upper())}]" for c in word)


# the pieces of an HTML document: raw elements, comments, tags (quoted values may hold '>'),
# and the text between them; written without re.IGNORECASE and with possessive repeats
# (the same pieces, found sooner)
_RAW_NAMES = "|".join(_case_free(name) for name in ("script", "style", "pre", "textarea"))
_PIECES = re.compile(rf"(<(?:(?:{_RAW_NAMES})\b.*?</(?:{_RAW_NAMES})\s*>|!--.*?-->"
                     r"|[/!?]?[A-Za-z\u017f\u212a](?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>))",
                     re.DOTALL)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_LANG = re.compile(r"""\slang\s*=\s*["']?([A-Za-z-]*)""")
_TEXT_ATTRIBUTE = re.compile(r"""(\s(?:alt|title|aria-label|placeholder|content)\s*=\s*")"""
                             r"""([^"]*)(")""")
RAW = frozenset({"script", "style", "pre", "textarea"})  # one piece each, kept as written
VERBATIM = frozenset({"code", "kbd", "samp"})
_VERBATIM_NAMES = tuple(VERBATIM)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_STAND_IN = "\ue000"  # a private-use character holds each entity's place meanwhile
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})


class _Tag(NamedTuple):
    """What typesetting needs to know about one tag, worked out once per distinct tag.

    A named tuple rather than a frozen dataclass: it is made for every distinct tag of the
    site (tens of thousands), and a frozen dataclass takes ten times longer to make."""

    name: str  # lower-case element name
    closing: bool
    verbatim: bool  # opens code, kbd or samp: its text is kept as written
    empty: bool  # a void element or a self-closed tag: no scope to follow
    french: bool | None  # its `lang` says French (True) or another language (False)
    readable: bool  # a readable attribute holds punctuation to space
    watched: bool  # readable, or named like code, kbd or samp (`</codex` ends code too)


@lru_cache(maxsize=1 << 16)
def _tag(tag: str) -> _Tag | None:
    """The facts about a tag; None for a raw element, a comment or a declaration."""
    found = _TAG_NAME.match(tag)
    if found is None or (name := found.group(1).lower()) in RAW:
        return None
    closing = tag.startswith("</")
    lang = _LANG.search(tag) if "lang" in tag else None
    readable = '="' in tag and _MARK.search(tag) is not None and any(
        _MARK.search(m.group(2)) for m in _TEXT_ATTRIBUTE.finditer(tag))
    return _Tag(name, closing, name in VERBATIM and not tag.endswith("/>") and not closing,
                name in VOID or tag.endswith("/>"),
                lang.group(1).lower().startswith("fr") if lang else None, readable,
                readable or name.startswith(_VERBATIM_NAMES))


@lru_cache(maxsize=1 << 14)
def _typeset_attributes(tag: str, french: bool) -> str:
    """A tag with French spacing in its alt, title, aria-label, placeholder and content."""
    return _TEXT_ATTRIBUTE.sub(lambda m: m.group(1) + _spaces_in_html(m.group(2), french)
                               + m.group(3), tag)


def _spaces_in_html(text: str, insert: bool) -> str:
    """french_spaces on HTML text, whose entities (`&amp;`, `&#39;`) end in a ';' of their own."""
    if "&" not in text:
        return french_spaces(text, insert)
    if _STAND_IN in text:  # cannot be told from a stand-in: leave such a rare text alone
        return text
    entities = iter(_ENTITY.findall(text))
    spaced = french_spaces(_ENTITY.sub(_STAND_IN, text), insert)
    return re.sub(_STAND_IN, lambda _: next(entities), spaced)


def _steps(pieces: list[str], tags: list[_Tag | None]) -> list[int]:
    """Indexes of the pieces that can change: texts with punctuation, and the tags that
    open or close code, say which language they are in, share a name with one that does,
    or hold punctuation in a readable attribute. Every other piece is kept as it is."""
    scoped = {t.name for t in tags if t is not None and t.french is not None}
    texts = [2 * k for k, found in enumerate(map(_MARK.search, pieces[0::2])) if found]
    marks = [2 * k + 1 for k, t in enumerate(tags)
             if t is not None and (t.watched or t.name in scoped)]
    return sorted(texts + marks)


def typeset_html(html: str, lang: str = "fr") -> str:
    """A page of `lang` with French spacing in its text and its readable attributes.

    Code, preformatted text, scripts and styles are left as written. Where an element says
    it is in another language, existing spaces become no-break ones but none is added.
    """
    pieces = _PIECES.split(html)  # text, tag, text, tag, …, text
    tags = list(map(_tag, pieces[1::2]))
    scopes = _Scopes(lang.startswith("fr"))
    verbatim_until = ""
    for n in _steps(pieces, tags):
        piece = pieces[n]
        if n % 2 == 0:
            if not verbatim_until:
                pieces[n] = _spaces_in_html(piece, scopes.french)
        elif verbatim_until:
            if piece[:len(verbatim_until)].lower() == verbatim_until:
                verbatim_until = ""
        elif (tag := tags[n // 2]) is not None:
            if tag.readable:
                pieces[n] = _typeset_attributes(piece, scopes.french)
            if tag.verbatim:
                verbatim_until = f"</{tag.name}"
            else:
                scopes.follow(tag)
    return "".join(pieces)


class _Scopes:
    """The elements that said which language they are in, innermost last."""

    def __init__(self, french: bool) -> None:
        self.default = self.french = french
        self.open: list[list] = []  # [tag name, French?, depth of same-named elements]

    def follow(self, tag: _Tag) -> None:
        """Keep track of the innermost element that says which language it is in."""
        if tag.closing:
            if self.open and self.open[-1][0] == tag.name:
                self.open[-1][2] -= 1
                if self.open[-1][2] == 0:
                    self.open.pop()
                    self.french = self.open[-1][1] if self.open else self.default
        elif tag.empty:
            return
        elif tag.french is not None:
            self.open.append([tag.name, tag.french, 1])
            self.french = tag.french
        elif self.open and self.open[-1][0] == tag.name:
            self.open[-1][2] += 1


def typeset(html: str, lang: str) -> str:
    """A rendered page with its language's typography (French only needs any)."""
    return typeset_html(html, lang) if lang.startswith("fr") else html
