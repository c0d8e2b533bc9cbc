"""Finders of content that would be published wrong without a word."""

import re
import textwrap
from collections import Counter

from duosite.markdown import detect, markup


def body(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def test_hugo_shortcodes_are_found_with_their_line_and_name():
    text = body("""
        Intro.

        {{< youtube w7Ft2ymGmfc >}}

        {{% notice info %}}
        Careful.
        {{% /notice %}}
        """)
    found = detect.shortcodes(text, first_line=5)
    assert [line for line, _ in found] == [7, 9]
    assert "'{{< youtube w7Ft2ymGmfc >}}'" in found[0][1] and "'youtube'" in found[0][1]
    assert "'notice'" in found[1][1]


def test_shortcodes_and_template_code_in_code_are_not_reported():
    text = body("""
        Write `{{< youtube id >}}` to embed, or:

        ```
        {{< figure src="a.png" >}}
        {{ .Title }}
        ```

            {% raw %} indented code

        <pre>{{ page.title }}</pre>
        """)
    assert detect.shortcodes(text) == [] and detect.template_syntax(text) == []


def test_go_and_jinja_template_code_is_found_but_not_shortcodes_twice():
    text = "Hello {{ .Site.Title }}\n{% if x %}y{% endif %}\n{{< ref \"a.md\" >}}\n"
    found = detect.template_syntax(text)
    assert [line for line, _ in found] == [1, 2, 2]
    assert found[0][1].startswith("template code '{{ .Site.Title }}' is not run in content")


def test_markdown_inside_an_html_block_is_reported_but_not_after_a_blank_line():
    text = body("""
        <div class="note">
        Read [the guide](/en/guide/) and **act**.
        - first
        </div>

        <div>

        [converted](/en/)

        </div>
        """)
    found = detect.raw_markdown_in_html(text, first_line=3)
    assert [line for line, _ in found] == [4, 5]
    assert found[0][1] == ("a link in Markdown inside '<div>' would be published as written: "
                           "leave a blank line after the '<div>' line and before its closing tag")
    assert found[1][1].startswith("a list item")


def test_html_without_markdown_and_arithmetic_are_not_reported():
    text = "<table>\n<tr><td>2*3*4</td><td>a_b_c</td></tr>\n</table>\n"
    assert detect.raw_markdown_in_html(text) == []


def test_what_the_finder_reports_is_what_the_engine_leaves_raw():
    text = "<div>\n*raw*\n</div>\n"
    assert "*raw*" in markup.convert(text) and detect.raw_markdown_in_html(text)


def test_a_second_h1_is_reported_on_its_line():
    html = "<header><h1>Site</h1></header>\n<main>\n<h1>Title</h1>\n<p>x</p><h1>Again</h1>"
    assert detect.extra_h1(html) == [(3, "the page has 3 h1 headings; it should have one, "
                                         "its title"),
                                     (4, "the page has 3 h1 headings; it should have one, "
                                         "its title")]
    assert detect.extra_h1("<h1>Only</h1><h2>a</h2>") == []


def test_level_one_headings_in_markdown_are_found_atx_and_setext():
    text = "Intro\n\n# Results #\n\nMethods\n=======\n\n```\n# comment\n```\n## fine\n"
    found = detect.markdown_h1(text, first_line=4)
    assert [line for line, _ in found] == [6, 8]
    assert found[0][1].endswith("make it '## Results'")


def test_toml_front_matter_is_read_and_named():
    text = '+++\ntitle = "Nos équipes"\ndate = 2024-01-20\ntags = ["a"]\n+++\nBody\n'
    meta, found = detect.read_toml_front_matter(text)
    assert meta["title"] == "Nos équipes" and str(meta["date"]) == "2024-01-20"
    assert found == [(1, "front matter is TOML ('+++'); this site reads YAML between '---' "
                         "lines: scripts/hugo_to_duosite.py converts it")]


def test_broken_or_unclosed_toml_is_one_message_with_its_line():
    meta, found = detect.read_toml_front_matter('+++\ntitle = "a"\ndate = = 3\n+++\n')
    assert meta is None and found[0][0] == 3 and "cannot be read" in found[0][1]
    meta, found = detect.read_toml_front_matter('+++\ntitle = "a"\n')
    assert meta is None and found[0][0] == 1 and "not closed" in found[0][1]
    assert detect.read_toml_front_matter("---\ntitle: a\n---\n") == (None, [])


def test_merge_conflict_markers_are_one_finding_each_not_a_heading():
    text = "Intro\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> 023fe7e\n"
    assert [line for line, _ in detect.conflict_markers(text, first_line=3)] == [4, 8]
    assert detect.markdown_h1(text) == []


FINDERS = (detect.shortcodes, detect.template_syntax, detect.raw_markdown_in_html,
           detect.markdown_h1, detect.conflict_markers)


def test_the_sites_own_pages_raise_no_finding():
    from conftest import ROOT

    pages = sorted(ROOT.glob("content/**/*.md")) + sorted(ROOT.glob("tests/fixtures/**/*.md"))
    assert len(pages) > 30
    found = [(page.name, finder.__name__, hit) for page in pages for finder in FINDERS
             for hit in finder(page.read_text(encoding="utf-8").split("---", 2)[-1])]
    assert found == []


def test_every_shortcode_of_a_real_hugo_site_is_found_but_not_the_examples_in_its_code():
    from conftest import ROOT

    names = Counter()
    for page in sorted(ROOT.glob("tests/data/hugo-learn/content/**/*.md")):
        for _, message in detect.shortcodes(page.read_text(encoding="utf-8")):
            names[re.search(r"replace '([^']*)'", message).group(1)] += 1
    # notice.en.md shows each of its 4 notices as code, then renders it: only the 4 count
    assert names == {"relref": 22, "notice": 18, "button": 6, "expand": 6, "children": 2}
