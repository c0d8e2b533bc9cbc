"""Markdown conversion: the same HTML as stock Python-Markdown, faster; unsafe markup caught."""

import markdown
import pytest
from conftest import ROOT

from sitegen import markup

TRICKY = [
    "a *b* _c_ **d** __e__ ***f*** `g` \\*h\\* [i](j) ![k](l) <http://m> <n@o.p> q  \nr",
    "&amp; &#233; <span lang=\"fr\">s</span> text[^1]\n\n[^1]: a footnote",
    "[ref][x] and [x] and ![img][y]\n\n[x]: http://a.example\n[y]: /b.png",
    "`a*b*` *c `d` e* __f_g__ x_y_z 2*3*4 <b>*not*</b> *yes*",
    "| a | b |\n|---|---|\n| *c* | [d](e.md) |\n\nTerm\n:   definition *em*",
    "<figure markdown=\"1\">\n*inside*\n</figure>\n\n## Heading {#custom .cls}\n\n```\n*code*\n```",
]


def site_texts():
    pages = sorted(ROOT.glob("content/**/*.md")) + sorted(ROOT.glob("tests/fixtures/**/*.md"))
    return [p.read_text(encoding="utf-8").split("---", 2)[-1] for p in pages] + TRICKY


def test_skipping_inline_patterns_gives_stock_python_markdown_html():
    stock = markdown.Markdown(extensions=markup.EXTENSIONS, output_format="html")
    texts = site_texts()
    assert len(texts) > 30
    for text in texts:
        assert markup.convert(text) == stock.reset().convert(text), text[:80]


def test_untrusted_markdown_shows_raw_html_as_text_and_drops_script_links():
    html = markup.convert_untrusted("**Bold** <script>alert(1)</script> [x](javascript:alert(1))")
    assert "<strong>Bold</strong>" in html
    assert "&lt;script&gt;" in html and "<script" not in html
    assert "javascript:" not in html


@pytest.mark.parametrize("body, message", [
    ("<script>x()</script>", "<script> is not allowed in content"),
    ('<p onmouseover="x()">hi</p>', "'onmouseover' attributes (scripts) are not allowed"),
    ("[go](JavaScript:x())", "javascript: links are not allowed in content"),
    ('<a href=" javascript:x()">go</a>', "javascript: links are not allowed in content"),
])
def test_unsafe_markup_is_an_error_on_its_line(body, message):
    text = f"Intro\n\n{body}\n"
    problems = markup.check_safety(markup.convert(text), text, "page.en.md", 5)
    assert [str(p) for p in problems][0].startswith(f"page.en.md:7: {message}")


def test_code_that_mentions_script_is_not_an_error():
    text = "Use `<script>` tags in templates:\n\n    <script src=x></script>\n"
    assert markup.check_safety(markup.convert(text), text, "page.en.md", 1) == []
