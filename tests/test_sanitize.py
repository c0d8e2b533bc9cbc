"""The sanitiser: the policy as functions, what is removed, and where the error points."""

import html

import pytest

from duosite.markdown import markup
from duosite.render import htmlpolicy
from duosite.render.sanitize import fragment_problems, sanitize, untrusted_markdown


@pytest.mark.parametrize("url, safe", [
    ("https://example.org/a?b#c", True), ("http://x.org", True), ("mailto:a@b.fr", True),
    ("tel:+33123456789", True), ("/en/industry/", True), ("../x.md", True), ("#top", True),
    ("?q=1", True), ("page.md", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False),
    (" javascript:alert(1)", False), ("java\tscript:alert(1)", False),
    ("java\nscript:alert(1)", False), ("&#106;avascript:alert(1)", False),
    ("&#x6A;avascript:alert(1)", False), ("javascript&colon;alert(1)", False),
    ("\x01javascript:alert(1)", False), ("data:text/html;base64,PHNjcmlwdD4=", False),
    ("vbscript:msgbox(1)", False), ("file:///etc/passwd", False), ("ftp://x.org", False),
])
def test_only_web_mail_phone_and_relative_urls_are_safe(url, safe):
    assert htmlpolicy.safe_url(url) is safe


@pytest.mark.parametrize("tag, allowed", [
    ("h2", True), ("table", True), ("figure", True), ("img", True), ("a", True),
    ("span", True), ("script", False), ("style", False), ("svg", False), ("math", False),
    ("iframe", False), ("base", False), ("meta", False), ("link", False), ("form", False),
    ("animate", False), ("set", False), ("object", False), ("embed", False),
])
def test_the_allowed_tags_are_what_editors_need(tag, allowed):
    assert (tag in htmlpolicy.TAGS) is allowed
    if not allowed:
        message, dangerous = htmlpolicy.refusal(tag)
        assert dangerous and f"<{tag}>" in message


def test_attributes_lang_id_class_everywhere_handlers_nowhere():
    for tag in ("p", "h2", "span", "td", "figure"):
        assert {"lang", "id", "class"} <= htmlpolicy.allowed_attributes(tag)
    assert htmlpolicy.refusal("p", "OnClick", "x()") == (
        "'onclick' attributes (scripts) are not allowed in content", True)
    assert htmlpolicy.refusal("p", "style", "color: red")[1] is False  # removed, said so
    assert htmlpolicy.keep_attribute("td", "style", "text-align: right;") == "text-align: right;"
    assert htmlpolicy.keep_attribute("td", "style", "text-align: right; color: red") is None


@pytest.mark.parametrize("body, message", [
    ("<script>x()</script>", "<script> is not allowed in content"),
    ('<p onmouseover="x()">hi</p>', "'onmouseover' attributes (scripts) are not allowed"),
    ("[go](JavaScript:x())", "javascript: links are not allowed in content"),
    ('<a href=" javascript:x()">go</a>', "javascript: links are not allowed in content"),
    ('<svg onload="x()"><circle/></svg>', "<svg> is not allowed in content"),
    ('<p ONCLICK="x()">hi</p>', "'onclick' attributes (scripts) are not allowed"),
    ('<a title=">" onclick="x()">go</a>', "'onclick' attributes (scripts) are not allowed"),
    ('<a href="&#106;avascript:x()">go</a>', "javascript: links are not allowed"),
    ('<a href="java&#x09;script:x()">go</a>', "javascript: links are not allowed"),
    ("[go](java&#x0A;script:x())", "javascript: links are not allowed"),
    ('<svg><animate onbegin="x()" attributeName="x"/></svg>', "<svg> is not allowed"),
    ('<svg><set attributeName="href" to="javascript:x()"/></svg>', "<svg> is not allowed"),
    ('<base href="https://evil.example/">', "<base> is not allowed in content"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">',
     "<meta> is not allowed in content"),
    ("<style>body{display:none}</style>", "<style> is not allowed in content"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link> is not allowed"),
    ('<form action="https://evil.example/"><input name="p"></form>', "<form> is not allowed"),
    ("[go](https://x.org){: onfocus=\"x()\" }", "'onfocus' attributes (scripts)"),
    ("## Title {: onclick=\"x()\" }", "'onclick' attributes (scripts) are not allowed"),
    ('![x](data:image/svg+xml;base64,PHN2Zz4=)', "'data:' URLs are not allowed in content"),
])
def test_dangerous_markup_is_an_error_on_its_line(body, message):
    text = f"Intro\n\n{body}\n"
    cleaned = sanitize(markup.convert(text))
    problems = [str(p) for p in fragment_problems(cleaned.removed, "page.en.md", text, 5)]
    assert any(p.startswith(f"page.en.md:7: {message}") for p in problems), problems
    assert all(": warning: " in p or p.startswith("page.en.md:7:") for p in problems)
    assert "x()" not in cleaned.html and "evil.example" not in cleaned.html


def test_harmless_markup_out_of_the_list_is_removed_with_a_warning():
    text = 'Intro\n\n<p style="color: red">Red <font color="red">text</font></p>\n'
    cleaned = sanitize(markup.convert(text))
    assert cleaned.html == "<p>Intro</p>\n<p>Red text</p>"
    assert [str(p) for p in fragment_problems(cleaned.removed, "a.en.md", text, 1)] == [
        "a.en.md:3: warning: attribute 'style' on <p> is not allowed in content and was removed",
        "a.en.md:3: warning: <font> is not allowed in content and was removed (its text is kept)"]


def test_what_editors_write_is_published_unchanged():
    text = ('## Heading {#custom .cls lang="fr"}\n\n| a | b |\n|:-|-:|\n| [c](https://x.org) '
            '| d |\n\n<figure markdown="1">\n![Alt](img.png)\n<figcaption>Cap</figcaption>\n'
            "</figure>\n\nNote[^1]\n\n[^1]: A footnote.\n")
    rendered = markup.convert(text)
    cleaned = sanitize(rendered)
    assert cleaned.removed == ()
    assert html.unescape(cleaned.html) == html.unescape(rendered)  # "&#160;" written as " "


def test_code_that_mentions_script_is_not_an_error():
    text = "Use `<script>` tags in templates:\n\n    <script src=x></script>\n"
    assert sanitize(markup.convert(text)).removed == ()


def test_registry_markdown_shows_raw_html_as_text_and_drops_script_links():
    cleaned = untrusted_markdown("**Bold** <script>alert(1)</script> [x](javascript:alert(1))"
                                 " {: onclick=alert(1) }")
    assert "<strong>Bold</strong>" in cleaned.html
    assert "&lt;script&gt;" in cleaned.html and "<script" not in cleaned.html
    assert "javascript:" not in cleaned.html
    assert [r.message for r in cleaned.removed] == [
        "javascript: links are not allowed in content"]


def test_attr_list_handler_on_its_own_line_is_an_error_there():
    text = 'Intro\n\nParagraph\n{: onfocus="x()" tabindex="1" }\n'
    cleaned = sanitize(markup.convert(text))
    assert [str(p) for p in fragment_problems(cleaned.removed, "a.fr.md", text, 1)] == [
        "a.fr.md:4: 'onfocus' attributes (scripts) are not allowed in content",
        "a.fr.md:4: warning: attribute 'tabindex' on <p> is not allowed in content and was "
        "removed"]
