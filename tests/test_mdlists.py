"""Markdown lists and HTML blocks as CommonMark reads them, checked on the spec's examples."""

import json
import re

from conftest import ROOT

from duosite.markdown import markup
from duosite.markdown.mdlists import list_marker, rewrite_lines

EXAMPLES = json.loads((ROOT / "tests/data/commonmark/examples.json").read_text("utf-8"))

# Examples the site's Markdown renders differently from the spec, on purpose, by reason.
DIFFERS = {
    # Python-Markdown makes only the items after a blank line loose, not the whole list
    "looseness is per item": {316, 318, 321, 323},
    # an item with no text: Python-Markdown has none (CommonMark allows them, editors rarely)
    "empty list items": {280, 282, 283, 284, 285, 286, 317},
    # indented code right after a list marker, or five spaces after it
    "indented code opening an item": {259, 266, 272, 273, 275, 276},
    # a change of bullet or delimiter continues the list instead of starting another
    "marker changes": {299, 303, 304},
    # fenced code on the marker line itself, a setext heading or link definition in an item
    "other blocks in items": {302, 319, 320, 326},
    # a line indented four or more inside a list that CommonMark reads as lazy text or code
    "deep indentation": {314, 315},
    # Python-Markdown accepts ten-digit and zero-padded ordinals as given
    "ordinals": {268, 270},
    # raw HTML: incomplete or inline tags, HTML inside block quotes, text after a closing tag
    # (the sanitiser rewrites such HTML anyway); '<del>' blocks are not Markdown blocks here
    "raw HTML edge cases": {148, 151, 152, 155, 156, 157, 158, 161, 162, 163, 164, 165, 166,
                            167, 168, 174, 175, 176, 179, 180, 186, 188},
}


def normalise(html: str) -> str:
    """HTML compared without the whitespace around block tags (CommonMark's is not ours)."""
    tags = "ul|ol|li|p|pre|blockquote|h\\d|div|details|summary"
    html = re.sub(rf"\s*(</?(?:{tags})\b[^>]*>)\s*", r"\1", html.strip())
    return re.sub(r"\s+", " ", html).replace(" />", ">")


def test_the_examples_are_the_specs_list_and_html_block_sections():
    sections = {e["section"] for e in EXAMPLES}
    assert sections == {"List items", "Lists", "HTML blocks"}
    assert len(EXAMPLES) == 120


def test_every_list_and_html_block_example_is_followed_unless_listed_as_differing():
    differs = set().union(*DIFFERS.values())
    followed = {e["number"] for e in EXAMPLES
                if normalise(markup.convert(e["markdown"])) == normalise(e["html"])}
    numbers = {e["number"] for e in EXAMPLES}
    assert followed == numbers - differs  # an example newly followed: take it off DIFFERS
    lists = [e for e in EXAMPLES if e["section"] != "HTML blocks"]
    assert sum(e["number"] in followed for e in lists) == 46  # of 74 (27 before the pre-pass)


def test_a_list_right_after_a_paragraph_is_a_list():
    html = markup.convert("Our partners:\n- CNRS\n- Inria\n")
    assert html == "<p>Our partners:</p>\n<ul>\n<li>CNRS</li>\n<li>Inria</li>\n</ul>"


def test_only_a_list_starting_at_one_interrupts_a_paragraph():
    assert "<ol" not in markup.convert("The number of labs is\n14. That is all.\n")
    assert '<ol start="3">' in markup.convert("Intro\n\n3. third\n4. fourth\n")


def test_two_space_nesting_nests():
    html = markup.convert("- Physics\n  - Optics\n    - Lasers\n- Chemistry\n")
    assert normalise(html) == normalise(
        "<ul><li>Physics<ul><li>Optics<ul><li>Lasers</li></ul></li></ul></li>"
        "<li>Chemistry</li></ul>")


def test_ordered_items_nest_under_their_text_and_parenthesis_markers_are_lists():
    html = markup.convert("1) First\n   - detail\n2) Second\n")
    assert normalise(html) == normalise(
        "<ol><li>First<ul><li>detail</li></ul></li><li>Second</li></ol>")


def test_fenced_code_inside_an_item_stays_code():
    html = markup.convert("- step:\n\n  ```\n  make *all*\n  ```\n- done\n")
    assert "<pre><code>make *all*\n</code></pre>" in html
    assert html.count("<li>") == 2


def test_markdown_in_an_html_block_after_a_blank_line_is_converted():
    html = markup.convert('<div class="note">\n\n*Read* [this](/en/).\n\n</div>\n')
    assert html == '<div class="note">\n<p><em>Read</em> <a href="/en/">this</a>.</p>\n</div>'


def test_an_html_block_ends_at_its_blank_line_as_in_commonmark():
    html = markup.convert("<details>\n<summary>More</summary>\n\n- a\n- b\n\n</details>\n")
    assert normalise(html) == normalise(
        "<details><summary>More</summary><ul><li>a</li><li>b</li></ul></details>")
    raw = markup.convert("<div>\n*not converted*\n</div>\n")  # no blank line: still HTML
    assert raw == "<div>\n*not converted*\n</div>"


def test_registry_text_never_gains_markdown_attributes():
    html = markup.convert_untrusted("<div>\n\n- a\n</div>\n")
    assert "markdown" not in html and "&lt;div&gt;" in html


def test_code_is_left_as_written():
    text = ["```", "text", "- not a list", "  - nor this", "```", "", "    - code", ""]
    assert rewrite_lines(text) == text


def test_list_marker_reads_the_content_column():
    assert list_marker("- a", 0).content_col == 2
    assert list_marker("  10. a", 2).content_col == 6
    assert list_marker("* * *", 0) is None  # a thematic break
    assert not list_marker("2. a", 0).interrupts and not list_marker("-", 0).interrupts
