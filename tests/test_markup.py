"""Markdown conversion: the same HTML as stock Python-Markdown, faster."""

from conftest import ROOT

from duosite.markdown import markup, mdlists

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
    stock = mdlists.new_engine()  # the same engine with the stock inline stage
    texts = site_texts()
    assert len(texts) > 30
    for text in texts:
        assert markup.convert(text) == stock.reset().convert(text), text[:80]
