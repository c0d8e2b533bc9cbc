"""French typography: the no-break spaces French puts before high punctuation and inside « »."""

from __future__ import annotations

import re

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


# the pieces of an HTML document: comments, tags (quoted values may hold '>'), text
_PIECES = re.compile(r"(<(?:script|style|pre|textarea)\b.*?</(?:script|style|pre|textarea)\s*>"
                     r"|<!--.*?-->|<[/!?]?[A-Za-z](?:[^>\"']|\"[^\"]*\"|'[^']*')*>)",
                     re.DOTALL | re.IGNORECASE)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_LANG = re.compile(r"""\slang\s*=\s*["']?([A-Za-z-]*)""")
_TEXT_ATTRIBUTE = re.compile(r"""(\s(?:alt|title|aria-label|placeholder|content)\s*=\s*")"""
                             r"""([^"]*)(")""")
RAW = frozenset({"script", "style", "pre", "textarea"})  # one piece each, kept as written
VERBATIM = frozenset({"code", "kbd", "samp"})
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_STAND_IN = "\ue000"  # a private-use character holds each entity's place meanwhile
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})


def _spaces_in_html(text: str, insert: bool) -> str:
    """french_spaces on HTML text, whose entities (`&amp;`, `&#39;`) end in a ';' of their own."""
    if "&" not in text:
        return french_spaces(text, insert)
    if _STAND_IN in text:  # cannot be told from a stand-in: leave such a rare text alone
        return text
    entities = iter(_ENTITY.findall(text))
    spaced = french_spaces(_ENTITY.sub(_STAND_IN, text), insert)
    return re.sub(_STAND_IN, lambda _: next(entities), spaced)


def typeset_html(html: str, lang: str = "fr") -> str:
    """A page of `lang` with French spacing in its text and its readable attributes.

    Code, preformatted text, scripts and styles are left as written. Where an element says
    it is in another language, existing spaces become no-break ones but none is added.
    """
    pieces = _PIECES.split(html)
    scopes: list[list] = []  # [tag name, French?, depth] of the elements that set a lang
    verbatim_until = ""
    for n, piece in enumerate(pieces):
        french = scopes[-1][1] if scopes else lang.startswith("fr")
        if n % 2 == 0:  # text between tags
            if piece and not verbatim_until:
                pieces[n] = _spaces_in_html(piece, french)
        elif verbatim_until:
            if piece[:len(verbatim_until)].lower() == verbatim_until:
                verbatim_until = ""
        elif (found := _TAG_NAME.match(piece)) and found.group(1).lower() not in RAW:
            name = found.group(1).lower()
            if '="' in piece and _MARK.search(piece):
                pieces[n] = _TEXT_ATTRIBUTE.sub(lambda m, f=french: m.group(1) + _spaces_in_html(
                    m.group(2), f) + m.group(3), piece)
            if name in VERBATIM and not piece.endswith("/>") and piece[1] != "/":
                verbatim_until = f"</{name}"
            else:
                _follow_scopes(piece, name, scopes)
    return "".join(pieces)


def _follow_scopes(tag: str, name: str, scopes: list[list]) -> None:
    """Keep track of the innermost element that says which language it is in."""
    if tag.startswith("</"):
        if scopes and scopes[-1][0] == name:
            scopes[-1][2] -= 1
            if scopes[-1][2] == 0:
                scopes.pop()
    elif name in VOID or tag.endswith("/>"):
        return
    elif (found := _LANG.search(tag)) is not None:
        scopes.append([name, found.group(1).lower().startswith("fr"), 1])
    elif scopes and scopes[-1][0] == name:
        scopes[-1][2] += 1


def typeset(html: str, lang: str) -> str:
    """A rendered page with its language's typography (French only needs any)."""
    return typeset_html(html, lang) if lang.startswith("fr") else html
