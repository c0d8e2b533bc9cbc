"""The laboratory directory as readers see it: lab files written inline, built with the
real templates."""

import json
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


def many_labs(number: int) -> dict[str, str]:
    """`number` lab files, the first in Brittany, none with an institute but the first."""
    files = {}
    for n in range(1, number + 1):
        extra = "institute: INSB\nregion: Bretagne\n" if n == 1 else ""
        files[f"labs/upr-{n}.yaml"] = f"code: UPR {n}\nname: {{fr: Labo {n:03}}}\n{extra}"
    return files


def test_the_count_patterns_keep_their_placeholder_for_the_script(site):
    site.write(LABS).build()
    index = site.page("/en/laboratories/")
    assert 'data-count-one="%(num)s laboratory"' in index
    assert 'data-count-other="%(num)s laboratories"' in index
    assert 'data-count-other="%(num)s laboratoires"' in site.page("/fr/laboratoires/")
    assert re.search(r'id="lab-count" role="status" aria-live="polite"[^>]*>3 laboratories<',
                     index)


def test_long_lists_come_a_hundred_a_page_with_their_own_counts(site):
    site.write({**LABS, **many_labs(150)}).build()
    first = site.page("/en/laboratories/")
    assert len(names_in_list(first)) == 100
    assert "Laboratories 1 to 100 of 153" in first
    assert '<a href="/en/laboratories/page-2/" rel="next">' in first
    second = site.page("/fr/laboratoires/page-2/")
    assert len(names_in_list(second)) == 53
    assert "Laboratoires 101 à 153 sur 153" in second
    assert '<a href="/fr/laboratoires/" rel="prev">' in second and 'rel="next"' not in second
    assert "<h1>Annuaire des laboratoires, page 2 sur 2</h1>" in second
    # a facet's own pages too: 149 labs whose institute the registry does not give
    unknown = site.page("/en/laboratories/institutes/not-given/page-2/")
    assert "Laboratories 101 to 149 of 149" in unknown


def test_what_the_registry_does_not_give_is_a_choice_of_its_own(site):
    site.write({**LABS, **many_labs(3)}).build()
    institutes = site.page("/en/laboratories/institutes/")
    assert re.search(r'href="/en/laboratories/institutes/not-given/">Institute not given in '
                     r'the registry</a> <span class="lab-meta">\(2\)', institutes)
    index = site.page("/fr/laboratoires/")
    assert '<option value="none">Institut non renseigné dans le registre\u00a0: 2 laboratoires' \
           '</option>' in index
    # in France without a region: Paris (UMR 2), Labo 002, 003; abroad is not 'not given'
    assert "Région non renseignée dans le registre\u00a0: 3 laboratoires" in index
    assert "Pays non renseigné dans le registre" not in index  # Chile is named


def test_regions_are_named_and_slugged_in_the_readers_language(site):
    site.write({**LABS, **many_labs(1)}).build()
    assert "<h1>Brittany</h1>" in site.page("/en/laboratories/regions/brittany/")
    assert "<h1>Bretagne</h1>" in site.page("/fr/laboratoires/regions/bretagne/")
    french = site.page("/fr/laboratoires/")
    assert '<option value="bretagne">Bretagne</option>' in french and "Brittany" not in french
    assert '<a href="/en/laboratories/regions/brittany/">Brittany</a>' in \
        site.page("/en/laboratories/upr-1/")


def test_a_region_must_be_a_current_one(site):
    site.write({**LABS, "labs/umr-9.yaml": "code: UMR 9\nname: {fr: Neuf}\nregion: Rhône-Alpes\n"})
    assert [e for e in site.errors() if ": warning: " not in e] == [
        "labs/umr-9.yaml:3:9: region 'Rhône-Alpes' is not a current région or overseas "
        "collectivity (write its official French name, e.g. 'Bretagne', 'Occitanie'); "
        "did you mean 'Auvergne-Rhône-Alpes'?"]


def test_names_in_capitals_are_shown_in_proper_case_and_exported_as_written(site):
    site.write({**LABS, "labs/umr-7.yaml": """
        code: UMR 7
        name: {fr: ARCHEOLOGIE ET ARCHEOMETRIE}
        supervisors: [UNIVERSITE LUMIERE LYON 2, Centre national de la recherche scientifique]
        supervisor_acronyms: {Centre national de la recherche scientifique: CNRS}
        city: LYON
        region: Auvergne-Rhône-Alpes
    """}).build()
    lab = site.page("/fr/laboratoires/umr-7/")
    assert "<h1>Archeologie et Archeometrie</h1>" in lab
    assert ">Universite Lumiere Lyon 2</a></li>" in lab
    assert ">Centre national de la recherche scientifique</a> (CNRS)</li>" in lab
    assert "<dd>Lyon</dd>" in lab
    exported = (site.output / "fr" / "labs.csv").read_text(encoding="utf-8")
    assert "UMR 7,ARCHEOLOGIE ET ARCHEOMETRIE,fr," in exported
    assert "UNIVERSITE LUMIERE LYON 2; Centre national" in exported and ",LYON," in exported


def test_the_search_index_holds_every_lab_with_what_search_reads(site):
    site.write({**LABS, "labs/umr-7.yaml": """
        code: UMR 7144
        name: {fr: Adaptation et diversité en milieu marin}
        acronym: AD2M
        supervisors: [Institut national de la santé et de la recherche médicale]
        supervisor_acronyms: {Institut national de la santé et de la recherche médicale: INSERM}
        themes: {en: [Marine biology]}
    """}).build()
    script = (site.output / "en" / "labs-index.js").read_text(encoding="utf-8")
    assert script.startswith("window.labIndex = ")
    data = json.loads(script.removeprefix("window.labIndex = ").rstrip(";\n"))
    assert len(data["labs"]) == 4
    assert ["Institut national de la santé et de la recherche médicale", "INSERM",
            "institut-national-de-la-sante-et-de-la-recherche-medicale"] in data["supervisors"]
    marine = next(row for row in data["labs"] if row["c"] == "UMR 7144")
    assert (marine["u"], marine["a"], marine["w"]) == ("/en/laboratories/umr-7/", "AD2M",
                                                       "Marine biology")
    assert marine["i"] == "none" and marine["r"] == "none" and marine["g"] == "France"
    index = site.page("/en/laboratories/")
    assert '<script src="/en/labs-index.js" defer></script>' in index


def test_key_figures_say_where_they_come_from(site):
    site.write({**LABS, "data/key_figures.yaml": """
        home:
          - {format: directory, value: labs_abroad, label: {en: abroad, fr: à l’étranger}}
          - {format: number, value: 80, label: {en: partners, fr: partenaires}}
    """}).build()
    home = site.page("/en/")
    assert '<span class="figure-source"><a href="/en/laboratories/">in the directory</a>' in home
    assert '<span class="figure-source">editorial figure</span>' in home
    assert "dans l’annuaire</a>" in site.page("/fr/")
