"""The laboratory directory as readers see it: lab files written inline, built with the
real templates."""

import re

LABS = {
    "index.en.md": "---\ntitle: Home\nfigures: home\n---\n",
    "index.fr.md": "---\ntitle: Accueil\nfigures: home\n---\n",
    "data/key_figures.yaml": """
        home:
          - {format: directory, value: labs_in_france, label: {en: in France, fr: en France}}
          - {format: directory, value: labs_abroad, label: {en: abroad, fr: à l’étranger}}
    """,
    "labs/_index.en.md": "---\ntitle: Laboratories\nslug: laboratories\ntemplate: directory\n---\n",
    "labs/_index.fr.md": "---\ntitle: Laboratoires\nslug: laboratoires\ntemplate: directory\n---\n",
    "labs/umr-1.yaml": """
        code: UMR 1
        name: {fr: Zoologie de Lyon, en: Alpha Zoology Lyon}
        institute: INEE
        supervisors: [CNRS, Université de Lyon]
        city: Lyon
        region: Auvergne-Rhône-Alpes
        summary: {fr: "Étude des <b>animaux</b> *sauvages*."}
    """,
    "labs/umr-2.yaml": """
        code: UMR 2
        name: {fr: "École d'optique <script>alert(1)</script>"}
        acronym: EO
        institute: INP
        supervisors: [CNRS]
        city: Paris
    """,
    "labs/irl-3.yaml": """
        code: IRL 3
        name: {fr: ecologie tropicale}
        institute: INEE
        supervisors: [CNRS, Universidad de Chile]
        city: Santiago
        country: Chile
    """,
}


def names_in_list(html):
    return re.findall(r'class="lab-name"[^>]*>([^<]+)<', html)


def test_directory_lists_every_lab_in_each_readers_order(site):
    site.write(LABS).build()
    assert names_in_list(site.page("/fr/laboratoires/")) == [
        "École d&#39;optique &lt;script&gt;alert(1)&lt;/script&gt;", "ecologie tropicale",
        "Zoologie de Lyon"]
    assert names_in_list(site.page("/en/laboratories/"))[0] == "Alpha Zoology Lyon"


def test_registry_text_is_escaped_and_summary_html_shown_as_text(site):
    site.write(LABS).build()
    lab = site.page("/en/laboratories/umr-2/")
    assert "<script>alert(1)" not in lab
    zoology = site.page("/fr/laboratoires/umr-1/")
    assert "&lt;b&gt;animaux&lt;/b&gt; <em>sauvages</em>" in zoology


def test_field_in_one_language_is_marked_with_its_language(site):
    site.write(LABS).build()
    english = site.page("/en/laboratories/umr-1/")
    assert '<div class="lab-summary" lang="fr">' in english
    assert '<h1>Alpha Zoology Lyon</h1>' in english
    assert '<p class="other-name" lang="fr">Zoologie de Lyon</p>' in english
    assert '<h1 lang="fr">ecologie tropicale</h1>' in site.page("/en/laboratories/irl-3/")


def test_facet_pages_for_readers_without_javascript(site):
    site.write(LABS).build()
    inee = site.page("/fr/laboratoires/instituts/inee/")
    assert names_in_list(inee) == ["ecologie tropicale", "Zoologie de Lyon"]
    assert "<h1>CNRS Écologie &amp; Environnement (INEE)</h1>" in inee
    chile = site.page("/en/laboratories/countries/chile/")
    assert names_in_list(chile) == ["ecologie tropicale"]
    assert "<h1>Chili</h1>" in site.page("/fr/laboratoires/pays/chile/")
    lab = site.page("/en/laboratories/irl-3/")
    assert 'href="/en/laboratories/institutions/universidad-de-chile/"' in lab


def test_directory_figures_are_computed_from_the_labs(site):
    site.write(LABS).build()
    values = re.findall(r'<span class="figure-value">([^<]*)</span>', site.page("/en/"))
    assert values == ["2", "1"]


def test_open_data_downloads_carry_the_attribution(site):
    site.write(LABS).build()
    index = site.page("/en/laboratories/")
    assert '<a href="/en/labs.csv" download>CSV</a>' in index
    assert "Licence Ouverte 2.0" in index and "CC0" in index
    assert (site.output / "fr" / "labs.json").read_text().count("RNSR (MESR)") >= 1
