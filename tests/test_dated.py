"""Dated news in both languages: lists newest first, dates in the reader's language,
summaries, pages 2, 3…, Atom feeds, and redirects from old URLs."""

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import SITE_SETTINGS as SITE

ATOM = "{http://www.w3.org/2005/Atom}"


def post(title: str, date: str, body: str = "", **more: str) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in more.items())
    return f"---\ntitle: {title}\ndate: {date}\n{extra}---\n{body}"


def news(count: int = 3) -> dict:
    files = {"site.yaml": SITE,
             "index.en.md": "---\ntitle: Home\n---\n", "index.fr.md": "---\ntitle: Accueil\n---\n",
             "news/_index.en.md": "---\ntitle: News\nmenu: true\n---\nWhat is new.\n",
             "news/_index.fr.md": "---\ntitle: Actualités\nslug: actualites\nmenu: true\n---\n"}
    for n in range(1, count + 1):
        day = f"2025-01-{n:02d}"
        files[f"news/item-{n}.en.md"] = post(f"Item {n}", day, f"Lead {n}.\n\nMore text.\n")
        files[f"news/item-{n}.fr.md"] = post(f"Article {n}", day, f"Chapeau {n}.\n")
    return files


def titles(html: str) -> list[str]:
    return re.findall(r'<li class="post"[^>]*>\s*<h3><a href="[^"]*">([^<]*)</a>', html)


def test_a_dated_section_lists_its_pages_newest_first_with_dates_in_each_language(site):
    site.write(news(3)).build()
    english, french = site.page("/en/news/"), site.page("/fr/actualites/")
    assert titles(english) == ["Item 3", "Item 2", "Item 1"]
    assert titles(french) == ["Article 3", "Article 2", "Article 1"]
    assert '<time datetime="2025-01-03">3 January 2025</time>' in english
    assert '<time datetime="2025-01-03">3 janvier 2025</time>' in french
    page = site.page("/en/news/item-2/")
    assert "Published on" in page and '<time datetime="2025-01-02">2 January 2025</time>' in page
    assert "Publié le" in site.page("/fr/actualites/item-2/")


def test_updated_is_shown_after_the_publication_date(site):
    files = news(1)
    files["news/item-1.en.md"] = post("Item 1", "2025-01-01", "Text.\n", updated="2025-03-04")
    site.write(files).build()
    page = site.page("/en/news/item-1/")
    assert '<time datetime="2025-03-04">4 March 2025</time>' in page
    assert page.index("1 January 2025") < page.index("4 March 2025")


def test_lists_show_the_summary_before_more_and_a_read_more_link(site):
    files = news(1)
    files["news/item-1.en.md"] = post("Item 1", "2025-01-01",
                                      "Shown *first*.\n\n<!--more-->\n\nOnly on the page.\n")
    files["news/item-1.fr.md"] = post("Article 1", "2025-01-01", "Corps.\n",
                                      summary="Résumé écrit à la main.")
    site.write(files).build()
    english, french = site.page("/en/news/"), site.page("/fr/actualites/")
    assert "Shown <em>first</em>." in english and "Only on the page." not in english
    assert "Read more" in english
    assert "Résumé écrit à la main." in french and "Corps." not in french
    assert "<!--more-->" not in site.page("/en/news/item-1/")


def test_long_lists_go_on_over_numbered_pages(site):
    site.write(news(23)).build()
    first, third = site.page("/en/news/"), site.page("/en/news/page-3/")
    assert titles(first)[:2] == ["Item 23", "Item 22"] and len(titles(first)) == 10
    assert titles(third) == ["Item 3", "Item 2", "Item 1"]
    assert 'href="/partners/en/news/page-2/" rel="next"' in first
    assert 'href="/partners/en/news/page-2/" rel="prev"' in third
    assert "News, page 3 of 3" in third
    assert 'href="/partners/fr/actualites/page-2/"' in site.page("/fr/actualites/")
    assert "/partners/en/news/page-2/" in (site.output / "sitemap.xml").read_text()


def test_each_dated_section_and_the_whole_site_have_an_atom_feed_per_language(site):
    site.write(news(2)).build()
    feed = ET.parse(site.output / "en/news/feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Item 2", "Item 1"]
    assert entries[0].find(f"{ATOM}link").get("href") == \
        "https://example.org/partners/en/news/item-2/"
    assert entries[0].findtext(f"{ATOM}published") == "2025-01-02T00:00:00Z"
    assert feed.findtext(f"{ATOM}updated") == "2025-01-02T00:00:00Z"
    assert feed.find(f"{ATOM}id").text == "https://example.org/partners/en/news/feed.xml"
    assert feed.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Partnerships"
    french = ET.parse(site.output / "fr/actualites/feed.xml").getroot()
    assert french.findtext(f"{ATOM}title") == "Actualités – Partenariats"
    whole = ET.parse(site.output / "fr/feed.xml").getroot()
    assert len(whole.findall(f"{ATOM}entry")) == 2
    head = site.page("/en/news/")
    assert ('<link rel="alternate" type="application/atom+xml" title="News – Partnerships" '
            'href="https://example.org/partners/en/news/feed.xml">') in head
    assert 'href="https://example.org/partners/en/feed.xml"' in site.page("/en/")


def test_a_fallback_post_is_listed_with_a_notice_but_not_in_the_other_languages_feed(site):
    files = news(2)
    del files["news/item-2.fr.md"]
    site.write(files).build()
    french = site.page("/fr/actualites/")
    assert titles(french) == ["Item 2", "Article 1"]
    assert '<li class="post" lang="en">' in french
    feed = ET.parse(site.output / "fr/actualites/feed.xml").getroot()
    assert [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")] == ["Article 1"]


def test_links_in_a_summary_are_absolute_in_the_feed(site):
    files = news(1)
    files["news/item-1.en.md"] = post("Item 1", "2025-01-01", "See [the list](_index.md).\n")
    site.write(files).build()
    summary = ET.parse(site.output / "en/news/feed.xml").getroot().find(
        f"{ATOM}entry").findtext(f"{ATOM}summary")
    assert 'href="https://example.org/partners/en/news/"' in summary


@pytest.mark.parametrize("front, message", [
    ("date: 20/01/2025", "news/item-1.en.md:3: front matter: 'date': '20/01/2025' is not a date"),
    ("date: 2025-02-01\nupdated: 2025-01-01",
     "news/item-1.en.md:4: front matter: 'updated' (2025-01-01) is before 'date' (2025-02-01)"),
    ("updated: 2025-01-01", "news/item-1.en.md:3: front matter: 'updated' needs a 'date' too"),
    ("lastmod: 2025-01-01", "news/item-1.en.md:3: front matter: unknown key 'lastmod': write "
                            "'updated: YYYY-MM-DD'"),
    ("aliases: old/", "news/item-1.en.md:3: front matter: alias 'old/' must start with '/'"),
])
def test_wrong_dates_and_aliases_name_their_line(site, front, message):
    files = news(1)
    files["news/item-1.en.md"] = f"---\ntitle: Item 1\n{front}\n---\nText.\n"
    assert any(e.startswith(message) for e in site.write(files).errors()), message


def test_an_undated_page_among_dated_ones_is_listed_last_with_a_warning(site):
    files = news(2)
    files["news/about.en.md"] = "---\ntitle: About the news\n---\n"
    report = site.write(files).build()
    assert titles(site.page("/en/news/"))[-1] == "About the news"
    assert any(str(w).startswith("news/about.en.md:1: warning: the pages of 'news/' are dated")
               for w in report.warnings)


def test_an_alias_publishes_a_redirect_page_and_a_redirects_file(site):
    files = news(1)
    files["news/item-1.en.md"] = post("Item 1", "2025-01-01", "Text.\n",
                                      aliases="[/en/old-news/item.html, /blog/item-1]")
    site.write(files).build()
    moved = (site.output / "en/old-news/item.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=/partners/en/news/item-1/">' in moved
    assert '<link rel="canonical" href="https://example.org/partners/en/news/item-1/">' in moved
    assert '<a href="/partners/en/news/item-1/">' in moved
    assert (site.output / "blog/item-1/index.html").is_file()
    assert (site.output / "_redirects").read_text() == (
        "/partners/blog/item-1/ /partners/en/news/item-1/ 301\n"
        "/partners/en/old-news/item.html /partners/en/news/item-1/ 301\n")


def test_an_alias_on_a_published_page_is_an_error_naming_both(site):
    files = news(1)
    files["news/item-1.en.md"] = post("Item 1", "2025-01-01", "Text.\n", aliases="[/en/news/]")
    errors = site.write(files).errors()
    assert any(e.startswith("news/item-1.en.md:4: en/news/index.html would be published by "
                            "both") for e in errors), errors


def test_a_page_whose_slug_changed_keeps_its_old_url_as_a_redirect(site):
    files = news(1)
    site.write(files).build()
    files["news/item-1.en.md"] = post("Item 1", "2025-01-01", "Text.\n", slug="first-item")
    report = site.write(files).build()
    assert "url=/partners/en/news/first-item/" in site.page("/en/news/item-1/")
    assert any(str(w) == "news/item-1.en.md:1: warning: /en/news/item-1/ (published before) now "
               "redirects to /partners/en/news/first-item/; add 'aliases: [/en/news/item-1/]' "
               "to the front matter to keep the redirect" for w in report.warnings)
    again = site.build()  # the redirect stays until the alias is written
    assert (site.output / "en/news/item-1/index.html").is_file() and again.warnings


def test_a_removed_page_is_named_once_its_url_disappears(site):
    files = news(2)
    site.write(files).build()
    (site.content / "news/item-2.en.md").unlink()
    (site.content / "news/item-2.fr.md").unlink()
    report = site.build()
    assert any(str(w).startswith("news/item-2.en.md: warning: /en/news/item-2/ was published "
                                 "by the last build") for w in report.warnings)


def test_a_build_into_an_empty_folder_follows_the_live_sites_record(site, tmp_path):
    files = news(1)
    site.write(files).build()
    live = tmp_path / "live-urls.json"
    live.write_bytes((site.output / ".published-urls.json").read_bytes())
    files["news/item-1.en.md"] = post("Item 1", "2025-01-01", "Text.\n", slug="first-item")
    site.write(files)
    fresh = tmp_path / "fresh"
    site.build(output=fresh, published_urls=live)
    assert "url=/partners/en/news/first-item/" in (
        fresh / "en/news/item-1/index.html").read_text()
    assert site.errors(output=tmp_path / "other", published_urls=tmp_path / "missing.json") == [
        f"{tmp_path / 'missing.json'}: --published-urls: cannot be read as the record a build "
        "writes (.published-urls.json at the root of a published site)"]


def test_the_sitemap_gives_a_dated_pages_last_change(site):
    files = news(1)
    files["news/item-1.en.md"] = post("Item 1", "2025-01-01", "Text.\n", updated="2025-03-04")
    site.write(files).build()
    sitemap = (site.output / "sitemap.xml").read_text()
    assert ("<url><loc>https://example.org/partners/en/news/item-1/</loc>\n"
            "  <lastmod>2025-03-04T00:00:00Z</lastmod>") in sitemap
    assert "<lastmod>2025-01-01T00:00:00Z</lastmod>" in sitemap  # the French page


def test_without_site_yaml_the_placeholder_name_and_address_are_said(site):
    files = news(1)
    del files["site.yaml"]
    report = site.write(files).build()
    assert any(str(w).startswith("site.yaml: warning: missing: the site is named "
                                 "'Partnerships' / 'Partenariats' and canonical URLs, the "
                                 "sitemap and feeds point at https://example.org, a placeholder")
               for w in report.warnings)
    (site.content / "site.yaml").write_text(SITE.replace("base_url: https://example.org/partners\n",
                                                         ""))
    assert any(str(w).startswith("site.yaml:1: warning: no 'base_url'")
               for w in site.build().warnings)
