"""What HTML content may use: the allow-list of tags, attributes and URL schemes."""

from __future__ import annotations

import html
import re

# What editors need for pages: text, headings, lists, tables, figures, images, links, and
# what the Markdown extensions write (footnotes, table of contents, abbreviations, code).
TAGS = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "section", "article",
    "aside", "blockquote", "q", "cite", "pre", "code", "kbd", "samp", "var", "em", "strong",
    "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "dfn", "time",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "colgroup", "col", "thead", "tbody",
    "tfoot", "tr", "th", "td", "figure", "figcaption", "img", "picture", "a", "details",
    "summary",
})
# Removed with their content: they hold code or styles, never text a reader should see.
CONTENT_DROPPED = frozenset({"script", "style", "template", "noscript", "iframe", "noembed",
                             "noframes", "xmp", "plaintext", "title", "textarea", "select",
                             "option", "object", "applet", "embed", "frameset", "math", "svg"})
GLOBAL_ATTRIBUTES = frozenset({"lang", "id", "class", "title", "dir"})
ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "td": {"colspan", "rowspan", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "details": {"open"},
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "xlink:href",
                            "background", "poster", "srcset", "data", "codebase", "ping"})
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Python-Markdown's tables align columns with this style, and nothing else may use one.
TABLE_ALIGN = re.compile(r"text-align:\s*(left|right|center);?")
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def allowed_attributes(tag: str) -> frozenset[str]:
    """The attributes `tag` may carry."""
    return GLOBAL_ATTRIBUTES | ATTRIBUTES.get(tag, set())


def url_scheme(url: str) -> str:
    """The scheme a browser sees in `url` once entities, spaces and controls are gone, or ''."""
    plain = INVISIBLE.sub("", html.unescape(html.unescape(url)))
    match = SCHEME.match(plain)
    return match.group(1).lower() if match else ""


def safe_url(url: str) -> bool:
    """http, https, mailto and tel URLs, and relative ones (a path, a query, an anchor)."""
    return url_scheme(url) in SCHEMES or not url_scheme(url)


def is_event_handler(attribute: str) -> bool:
    """`onclick`, `OnLoad`, `onfocus`…: attributes that run script."""
    return attribute.lower().startswith("on")


def keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """The value to publish for an allowed attribute, or None to drop it."""
    if attribute == "style":
        return value if TABLE_ALIGN.fullmatch(value.strip()) else None
    if attribute in URL_ATTRIBUTES and not safe_url(value):
        return None
    return value


def refusal(tag: str, attribute: str = "", value: str = "") -> tuple[str, bool] | None:
    """Why a tag (or one of its attributes) is not published, and whether it is dangerous."""
    if not attribute:
        if tag in TAGS:
            return None
        if tag in CONTENT_DROPPED or tag in ("base", "meta", "link", "form", "frame",
                                             "input", "button", "animate", "set"):
            return f"<{tag}> is not allowed in content; ask the web team to add it to a " \
                   "template", True
        return f"<{tag}> is not allowed in content and was removed (its text is kept)", False
    if is_event_handler(attribute):
        return f"'{attribute.lower()}' attributes (scripts) are not allowed in content", True
    if attribute in URL_ATTRIBUTES and not safe_url(value):
        scheme = url_scheme(value)
        if scheme in ("javascript", "vbscript", "livescript"):
            return f"{scheme}: links are not allowed in content", True
        return (f"'{scheme}:' URLs are not allowed in content; link to http(s), mailto: or "
                "tel: addresses, or to files of the content tree", True)
    if attribute not in allowed_attributes(tag) or keep_attribute(tag, attribute,
                                                                   value) is None:
        return f"attribute '{attribute}' on <{tag}> is not allowed in content and was " \
               "removed", False
    return None
