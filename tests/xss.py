"""Published XSS vectors, and a check, independent of the sanitiser, that HTML is inert."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

CORPUS = Path(__file__).parent / "data" / "xss" / "payloadbox-xss-payload-list.txt"
# The families the sanitiser must stop, written for this project's own tests.
FAMILIES = [
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<svg><animate onbegin="alert(1)" attributeName="x" dur="1s"/></svg>',
    '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text y="20">x</text></a></svg>',
    '<IMG SRC=x OnErRoR=alert(1)>', '<p title=">" onclick="alert(1)">quoted</p>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">e</a>',
    '<a href="java&#x09;script:alert(1)">tab</a>', '<a href="java&#x0A;script:alert(1)">nl</a>',
    "[md](java&#x09;script:alert(1))", "[md](&#106;avascript:alert(1))",
    "[md](JaVaScRiPt:alert(1))", "[md](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<base href="https://evil.example/">', '<meta http-equiv="refresh" content="0;url=x">',
    "<style>*{background:url(https://evil.example/)}</style>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<form action="https://evil.example/"><button>go</button></form>',
    '[x](https://x.org){: onfocus="alert(1)" autofocus }', "## Heading {: onclick=alert(1) }",
    "Paragraph\n{: onmouseover=alert(1) }", '<iframe srcdoc="<script>alert(1)</script>">',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph>',
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
]
SAFE_TAGS = {"p", "a", "img", "em", "strong", "code", "pre", "span", "div", "ul", "ol", "li",
             "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "table", "thead", "tbody", "tr",
             "th", "td", "blockquote", "b", "i", "u", "s", "sub", "sup", "small", "abbr",
             "del", "ins", "dl", "dt", "dd", "figure", "figcaption", "q", "cite", "mark",
             "details", "summary", "time", "caption", "kbd", "samp", "var", "dfn", "section",
             "article", "aside", "col", "colgroup", "tfoot", "picture"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster",
                  "background", "data", "cite", "ping"}


def vectors() -> list[str]:
    """Every payload of the published list, then the families above."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip()] + FAMILIES


class _Dangers(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in SAFE_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.found.append(f"{name}=")
            plain = re.sub(r"[\x00-\x20]", "", html.unescape(value or "")).lower()
            if name in URL_ATTRIBUTES and re.match(r"[a-z][a-z0-9+.-]*:", plain) and not \
                    plain.startswith(("http:", "https:", "mailto:", "tel:")):
                self.found.append(f"{name}={plain[:20]}")

    handle_startendtag = handle_starttag


def dangers(fragment: str) -> list[str]:
    """What in `fragment` could run script or restyle the page (an empty list: inert)."""
    parser = _Dangers()
    parser.feed(fragment)
    parser.close()
    return parser.found


def main_of(page: str) -> str:
    """The `<main>` element of a published page: what its content fills."""
    start = page.index('<main id="main"')
    return page[page.index(">", start) + 1:page.index("</main>")]
