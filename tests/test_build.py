"""Tiny bilingual sites written inline, built with the real templates: what readers,
editors and search engines see."""

import re
import shutil

import pytest
from conftest import ROOT

from duosite.build import build_site
from duosite.problems import BuildFailed
from duosite.project import Project

SITE = {
    "site.yaml": """
        name: {en: Partnerships, fr: Partenariats}
        base_url: https://example.org
        publisher: {name: Example Centre, address: "1 rue de l’Exemple, Paris"}
        director: Ada Example
        host: {name: Example Hosting, address: "2 rue de l’Hôte, Lyon"}
        contact: {email: team@example.org}
        accessibility: {status: partially-compliant, date: 2026-01-15}
    """,
    "index.en.md": """
        ---
        title: Partnerships
        description: How we work with others.
        ---
        Read about [industry](industry.md), [history](/about/history.md#origins),
        [about us](about/) and [the agency](about/agency.md).
    """,
    "index.fr.md": """
        ---
        title: Partenariats
        description: Comment nous travaillons avec d’autres.
        ---
        Lire [l’industrie](industry.fr.md) et [l’histoire](about/history.md#origins).
    """,
    "industry.en.md": "---\ntitle: Industry\nmenu: true\nweight: 2\n---\n## Start-ups\n",
    "industry.fr.md": "---\ntitle: Industrie\nslug: industrie\nmenu: true\nweight: 2\n---\n",
    "about/_index.en.md": "---\ntitle: About\nmenu: true\nweight: 1\n---\nAbout us.\n",
    "about/_index.fr.md": "---\ntitle: À propos\nslug: a-propos\nmenu: true\nweight: 1\n---\n",
    "about/history.en.md": "---\ntitle: History\n---\n## Origins {#origins}\n",
    "about/history.fr.md": "---\ntitle: Histoire\nslug: histoire\n---\n## Origines {#origins}\n",
    "about/agency.fr.md": """
        ---
        title: Agence de programmes
        slug: agence
        only_in: fr
        ---
        Le CNRS pilote une agence de programmes.
    """,
    "about/draft.en.md": "---\ntitle: Work in progress\ndraft: true\n---\n",
    "images/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
}


def test_urls_follow_each_language_slugs(site):
    site.write(SITE).build()
    assert "<h1>Histoire</h1>" in site.page("/fr/a-propos/histoire/")
    assert "<h1>History</h1>" in site.page("/en/about/history/")
    assert (site.output / "images" / "logo.svg").is_file()


def test_links_written_as_source_paths_point_to_the_page_in_the_same_language(site):
    site.write(SITE).build()
    english, french = site.page("/en/"), site.page("/fr/")
    assert 'href="/en/industry/"' in english
    assert 'href="/en/about/history/#origins"' in english
    assert 'href="/en/about/"' in english
    assert 'href="/fr/industrie/"' in french
    assert 'href="/fr/a-propos/histoire/#origins"' in french


def test_page_head_declares_language_canonical_and_real_translations(site):
    site.write(SITE).build()
    html = site.page("/fr/industrie/")
    assert '<html lang="fr">' in html
    assert "<title>Industrie – Partenariats</title>" in html
    assert '<link rel="canonical" href="https://example.org/fr/industrie/">' in html
    assert '<link rel="alternate" hreflang="en" href="https://example.org/en/industry/">' in html
    assert '<link rel="alternate" hreflang="fr" href="https://example.org/fr/industrie/">' in html
    assert ('<link rel="alternate" hreflang="x-default" href="https://example.org/en/industry/">'
            in html)


def test_switcher_goes_to_this_pages_counterpart(site):
    site.write(SITE).build()
    html = site.page("/en/about/history/")
    assert re.search(r'<a href="/fr/a-propos/histoire/" lang="fr" hreflang="fr">Français</a>', html)


def test_page_in_one_language_is_published_honestly_in_the_other(site):
    report = site.write(SITE).build()
    html = site.page("/en/about/agency/")
    assert '<html lang="en">' in html
    assert "This page is only available in French." in html
    assert '<div class="content" lang="fr">' in html
    assert "Le CNRS pilote une agence de programmes." in html
    assert '<link rel="canonical" href="https://example.org/fr/a-propos/agence/">' in html
    assert 'hreflang="en"' not in html.split("</head>")[0]
    assert any("about/agency.fr.md" in str(w) and "fallback" in str(w) for w in report.warnings)
    assert report.fallbacks == 1


def test_link_to_a_page_only_in_another_language_says_so(site):
    site.write(SITE).build()
    html = site.page("/en/")
    assert ('<a href="/en/about/agency/" hreflang="fr">the agency</a> '
            '<span class="lang-hint" lang="fr">(en français)</span>') in html


def test_sitemap_lists_real_translations_only(site):
    site.write(SITE).build()
    sitemap = (site.output / "sitemap.xml").read_text()
    assert "<loc>https://example.org/fr/a-propos/agence/</loc>" in sitemap
    assert "https://example.org/en/about/agency/" not in sitemap
    assert '<xhtml:link rel="alternate" hreflang="fr" href="https://example.org/fr/industrie/"/>' \
        in sitemap
    assert (site.output / "robots.txt").read_text().endswith(
        "Sitemap: https://example.org/sitemap.xml\n")


def test_drafts_are_never_published(site):
    site.write(SITE).build()
    assert not (site.output / "en" / "about" / "draft").exists()
    assert "Work in progress" not in site.page("/en/about/")


def test_navigation_breadcrumbs_and_skip_link_are_in_the_page_language(site):
    site.write(SITE).build()
    html = site.page("/fr/a-propos/histoire/")
    assert '<a class="skip-link" href="#main">Aller au contenu</a>' in html
    assert '<nav class="main-nav" id="main-nav" aria-label="Navigation principale">' in html
    nav = html.split('class="main-nav"')[1].split("</nav>")[0]
    assert nav.index("À propos") < nav.index("Industrie")  # by weight
    crumbs = html.split('class="breadcrumbs')[1].split("</nav>")[0]
    assert re.findall(r">([^<>]+)</(?:a|span)>", crumbs) == ["Partenariats", "À propos", "Histoire"]


def test_language_chooser_and_404_pages(site):
    site.write(SITE).build()
    chooser = (site.output / "index.html").read_text()
    assert 'href="/en/"' in chooser and 'href="/fr/"' in chooser
    assert "<script" not in chooser
    assert "Page introuvable" in (site.output / "fr" / "404.html").read_text()
    assert "Page not found" in (site.output / "en" / "404.html").read_text()


def test_two_builds_are_byte_identical_and_leave_nothing_behind(site, tmp_path):
    site.write(SITE).build()
    first = {p.relative_to(site.output): p.read_bytes() for p in site.output.rglob("*")
             if p.is_file()}
    (site.content / "industry.en.md").unlink()
    site.build()
    assert not (site.output / "en" / "industry").exists() or "Industrie" in site.page(
        "/en/industry/")  # now a fallback of the French page
    (site.content / "industry.en.md").write_text(SITE["industry.en.md"])
    site.build()
    second = {p.relative_to(site.output): p.read_bytes() for p in site.output.rglob("*")
              if p.is_file()}
    assert second == first


def test_css_has_a_content_hashed_name(site):
    site.write(SITE).build()
    css = [p.name for p in (site.output / "assets" / "css").iterdir()]
    assert len(css) == 1 and re.fullmatch(r"site\.[0-9a-f]{10}\.css", css[0])
    assert f'href="/assets/css/{css[0]}"' in site.page("/en/")


def test_templates_escape_front_matter(site):
    site.write({"index.en.md": '---\ntitle: "Tom & <Jerry>"\n---\n'}).build()
    assert "<h1>Tom &amp; &lt;Jerry&gt;</h1>" in site.page("/en/")


def test_numbers_follow_the_page_locale(site):
    site.write({
        "index.en.md": "---\ntitle: Home\nfigures: main\n---\n",
        "index.fr.md": "---\ntitle: Accueil\nfigures: main\n---\n",
        "data/key_figures.yaml": """
            main:
              - {value: 1100, format: number, label: {en: labs, fr: laboratoires}}
              - {value: 0.403, format: percent, label: {en: women, fr: femmes}}
        """,
    }).build()
    assert "1,100" in site.page("/en/") and "40.3%" in site.page("/en/")
    assert "1\u202f100" in site.page("/fr/") and "40,3\u00a0%" in site.page("/fr/")


def test_cached_and_uncached_builds_agree(site, tmp_path):
    site.write(SITE).build(cache=tmp_path / "cache")
    cached = {p.relative_to(site.output): p.read_bytes() for p in site.output.rglob("*")
              if p.is_file()}
    site.build(cache=tmp_path / "cache")
    again = {p.relative_to(site.output): p.read_bytes() for p in site.output.rglob("*")
             if p.is_file()}
    site.build()
    fresh = {p.relative_to(site.output): p.read_bytes() for p in site.output.rglob("*")
             if p.is_file()}
    assert cached == again == fresh


def test_no_file_is_left_over_from_an_earlier_build(site):
    site.write(SITE).build()
    site.build()  # the build before last is now reused as the next canvas
    for rel in ("about/history.en.md", "about/history.fr.md", "images/logo.svg"):
        (site.content / rel).unlink()
    site.write({"index.en.md": "---\ntitle: Partnerships\n---\n",
                "index.fr.md": "---\ntitle: Partenariats\n---\n"}).build()
    assert not (site.output / "en" / "about" / "history").exists()
    assert not (site.output / "fr" / "a-propos" / "histoire").exists()
    assert not (site.output / "images").exists()
    assert "history" not in (site.output / "sitemap.xml").read_text()


def test_menu_label_and_current_section_in_the_navigation(site):
    site.write(SITE)
    site.write({"about/_index.en.md": "---\ntitle: About the centre\nmenu: About\n---\n"})
    site.build()
    nav = site.page("/en/about/history/").split('class="main-nav"')[1].split("</nav>")[0]
    assert '<a href="/en/about/" aria-current="true">About</a>' in nav
    assert "About the centre" not in nav


def test_template_mistakes_name_the_template_and_line(site, tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    layout = templates / "page.html"
    site.write({"index.en.md": "---\ntitle: Home\n---\n", "a.en.md": "---\ntitle: A\n---\n"})
    project = Project(site.content, site.output, templates, ROOT / "locales", ROOT / "static")

    def problems(text: str) -> list[str]:
        layout.write_text(text)
        with pytest.raises(BuildFailed) as failed:
            build_site(project)
        return [str(p) for p in failed.value.problems]

    assert problems('{% extends "base.html" %}\n{% block body %}\n{% if %}\n{% endblock %}\n') \
        == ["templates/page.html:3: template error: Expected an expression, got 'end of "
            "statement block'"]
    assert problems('{% extends "base.html" %}\n{% block body %}\n{{ page.titel }}\n'
                    '{% endblock %}\n') == [
        "templates/page.html:3: template error: 'duosite.content.pages.Page object' has no "
        "attribute 'titel'"]


def test_text_that_would_be_published_wrong_is_named_with_its_line(site):
    site.write({"index.en.md": "---\ntitle: Home\n---\nIntro.\n\n{{< youtube abc >}}\n\n"
                               "Price: {{ price }}\n\n`{{< shown >}}` as code is fine.\n",
                "index.fr.md": "+++\ntitle = 'Accueil'\n+++\nBonjour.\n"})
    assert [e for e in site.errors() if ": warning: " not in e] == [
        "index.en.md:6: Hugo shortcode '{{< youtube abc >}}' is not run here and would be "
        "published as text: replace 'youtube' with Markdown or HTML "
        "(see docs/migrating-from-hugo.md)",
        "index.en.md:8: template code '{{ price }}' is not run in content and would be "
        "published as text: remove it, or put it in a code span",
        "index.fr.md:1: front matter is TOML ('+++'); this site reads YAML between '---' lines: "
        "scripts/hugo_to_duosite.py converts it"]


def test_a_second_h1_and_markdown_left_raw_in_html_are_warnings(site):
    site.write({"index.en.md": "---\ntitle: Home\n---\n# Welcome\n\n<div>\n**bold** text\n"
                               "</div>\n",
                "index.fr.md": "---\ntitle: Accueil\n---\nBonjour.\n"})
    warnings = [str(w) for w in site.build().warnings]
    assert "index.en.md:4: warning: 'Welcome' is a level-1 heading, but the page's title is " \
           "already its h1: make it '## Welcome'" in warnings
    assert any(w.startswith("index.en.md:7: warning: bold text in Markdown inside '<div>'")
               for w in warnings)


def test_keys_from_other_generators_say_what_to_do_here(site):
    site.write({"index.en.md": "---\ntitle: Home\nlastmod: 2025-01-20\ntranslationKey: home\n"
                               "menu: {main: {weight: 1}}\n---\nHome.\n",
                "index.fr.md": "---\ntitle: Accueil\n---\nBonjour.\n"})
    assert [e for e in site.errors() if ": warning: " not in e] == [
        "index.en.md:3: front matter: unknown key 'lastmod': write 'updated: YYYY-MM-DD', the "
        "day of the last change that matters to readers",
        "index.en.md:4: front matter: unknown key 'translationKey': pages are paired by file "
        "name here: name both files alike (industry.en.md, industry.fr.md) and give the French "
        "one its own 'slug'",
        "index.en.md:5: front matter: 'menu' names the menu with 'name' here: write "
        "'menu: {name: main, weight: 1}'"]
