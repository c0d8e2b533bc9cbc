"""Redirect pages at old URLs, their wording in each language, and the `_redirects` file."""

from html.parser import HTMLParser

import pytest
from conftest import ROOT

from duosite.content.i18n import load_translations
from duosite.generators.redirects import alias_file, redirect_page, redirects_file
from duosite.text.aliases import read_aliases


class Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def read(html: str) -> Reader:
    reader = Reader()
    reader.feed(html)
    return reader


def gettext(lang: str):
    translations, problems = load_translations(ROOT / "locales", lang, "en")
    assert problems == []
    return translations.gettext


def test_a_redirect_page_refreshes_names_its_canonical_and_shows_a_link():
    html = redirect_page("/en/news/lab/", "https://example.org/en/news/lab/", "en", gettext("en"))
    page = read(html)
    tags = [(tag, attrs) for tag, attrs in page.tags]
    assert ("meta", {"http-equiv": "refresh", "content": "0; url=/en/news/lab/"}) in tags
    assert ("link", {"rel": "canonical", "href": "https://example.org/en/news/lab/"}) in tags
    assert ("a", {"href": "/en/news/lab/"}) in tags
    assert ("meta", {"name": "robots", "content": "noindex"}) in tags
    assert ("html", {"lang": "en"}) in tags
    assert "This page is now at https://example.org/en/news/lab/." in "".join(page.text)


def test_the_french_redirect_page_speaks_french():
    html = redirect_page("/fr/actualites/", "https://example.org/fr/actualites/", "fr",
                         gettext("fr"))
    text = "".join(read(html).text)
    assert "Cette page a changé d’adresse" in text
    assert "Cette page se trouve désormais à l’adresse https://example.org/fr/actualites/." in text


def test_urls_are_escaped_in_the_redirect_page():
    html = redirect_page('/en/a"b<c>/', 'https://example.org/en/a"b<c>/', "en", gettext("en"))
    assert '"b<c>' not in html and "&#34;b&lt;c&gt;" in html


@pytest.mark.parametrize(("value", "message"), [
    ("en/old/", "alias 'en/old/' must start with '/', as /en/old/"),
    ("https://old.example.org/x", "alias 'https://old.example.org/x' must be a path on this "
                                  "site, such as /en/old-name/"),
    ("/en/a b/", "alias '/en/a b/' must be a plain path, without spaces, '?' or '#'"),
    ("/en/../etc/", "alias '/en/../etc/' must not contain '.' or '..' segments"),
    (7, "each alias must be a path such as /en/old-name/"),
])
def test_bad_aliases_are_one_message_each(value, message):
    assert read_aliases([value], 4) == ((), [(4, f"front matter: {message}")])


def test_aliases_may_be_one_path_or_a_list():
    assert read_aliases("/en/old/", 3) == (("/en/old/",), [])
    assert read_aliases(["/a/", "/b.html"], 3) == (("/a/", "/b.html"), [])
    assert read_aliases({"a": 1}, 3)[1] == [
        (3, "front matter: 'aliases' must be a list of paths such as /en/old/")]


def test_alias_files_and_the_redirects_file():
    assert alias_file("/en/old/") == "en/old/index.html"
    assert alias_file("/en/old") == "en/old/index.html"
    assert alias_file("/old.html") == "old.html"
    text = redirects_file([("/fr/é t/", "/fr/new/"), ("/en/old/", "/en/new/"),
                           ("/en/old/", "/en/new/")])
    assert text == "/en/old/ /en/new/ 301\n/fr/%C3%A9%20t/ /fr/new/ 301\n"
