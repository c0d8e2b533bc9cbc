"""Lab files: loading, the exact messages for mistakes, ordering, figures and exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from duosite.content.labs import Lab, Text, TextList, directory_figures, load_labs
from duosite.generators.exports import export_csv, export_json
from duosite.text.collation import slugify, sort_key

ROOT = Path(__file__).resolve().parent.parent
IMT = """\
code: UMR 5219
name:
  fr: Institut de mathématiques de Toulouse
  en: Toulouse Mathematics Institute
acronym: IMT
unit_type: UMR
institute: INSMI
supervisors: [CNRS, Université de Toulouse]
city: Toulouse
region: Occitanie
website: https://www.math.univ-toulouse.fr/
founded: 2007
themes: {fr: [Analyse, Probabilités], en: [Analysis, Probability]}
summary:
  fr: |
    Un **institut**.
coordinates: {lat: 43.56, lng: 1.46}
ids: {rnsr: 200711888W, ror: 014vp6c30}
"""


def load(tmp_path: Path, files: dict[str, str | bytes]) -> tuple[tuple[Lab, ...], list[str]]:
    """Write lab files into a temporary content tree and load them all."""
    for name, text in files.items():
        path = tmp_path / "labs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    labs, problems = load_labs(tmp_path, [f"labs/{name}" for name in files])
    return labs, [str(problem) for problem in sorted(problems)]


def problems_of(tmp_path: Path, text: str | bytes, name: str = "x.yaml") -> list[str]:
    """The messages for one lab file."""
    return load(tmp_path, {name: text})[1]


def test_a_complete_file_becomes_a_lab(tmp_path):
    (lab,), problems = load(tmp_path, {"umr-5219.yaml": IMT})
    assert problems == []
    assert (lab.stem, lab.path, lab.code, lab.acronym) == (
        "umr-5219", "labs/umr-5219.yaml", "UMR 5219", "IMT")
    assert lab.name.get("en") == ("Toulouse Mathematics Institute", "en")
    assert lab.supervisors == ("CNRS", "Université de Toulouse")
    assert lab.themes.get("en") == (("Analysis", "Probability"), "en")
    assert lab.summary.get("en") == ("Un **institut**.", "fr")
    assert (lab.founded, lab.lat, lab.lng, lab.rnsr, lab.ror) == (
        2007, 43.56, 1.46, "200711888W", "014vp6c30")
    assert lab.country == "France" and lab.in_france


def test_country_null_means_abroad_with_no_country_named(tmp_path):
    labs, problems = load(tmp_path, {
        "a.yaml": "code: A\nname: {fr: A}\ncountry: null\n",
        "b.yaml": "code: B\nname: {fr: B}\ncountry: Japan\n"})
    assert problems == []
    assert [(lab.country, lab.in_france) for lab in labs] == [("", False), ("Japan", False)]


@pytest.mark.parametrize("text, message", [
    ("code: [x\n", "labs/x.yaml:2:1: invalid YAML: did not find expected ',' or ']'"),
    ("code: X\nname: {fr: x}\nacronyme: X\n",
     "labs/x.yaml:3:1: unknown key 'acronyme'; did you mean 'acronym'?"),
    ("name: {fr: x}\n", "labs/x.yaml:1: 'code' is missing"),
    ("code: X\n", "labs/x.yaml:1: 'name' is missing (give fr, en or both)"),
    ("code: X\nname: {fr: ''}\n", "labs/x.yaml:2:7: 'name' is empty (give fr, en or both)"),
    ("code: X\nname: {fr: x}\nwebsite: www.x.fr\n",
     "labs/x.yaml:3:10: website 'www.x.fr' is not an http(s) URL"),
    ("code: X\nname: {fr: x}\nacronym: [A, B]\n",
     "labs/x.yaml:3:10: 'acronym' must be text, not a list"),
    ("code: X\nname: {fr: x}\nacronym: NO\n",
     "labs/x.yaml:3:10: 'acronym' must be text, not true/false"),
    ("code: X\nname: {fr: x}\nfounded: around 1990\n",
     "labs/x.yaml:3:10: founded 'around 1990' is not a year (like 2007)"),
    ("code: X\nname: {fr: x}\nfounded: 2021-02-03\n",
     "labs/x.yaml:3:10: founded '2021-02-03' is not a year (like 2007)"),
    ("code: X\nname:\n  fr: x\n  de: y\n",
     "labs/x.yaml:4:3: unknown language 'de' in 'name' (use fr or en)"),
    ("code: X\nname:\n  fr: x\n  fre: y\n",
     "labs/x.yaml:4:3: unknown language 'fre' in 'name' (use fr or en); did you mean 'fr'?"),
    ("code: X\nname: Institut\n",
     "labs/x.yaml:2:7: 'name' must be a mapping of fr and en, not text"),
    ("code: X\nname: {fr: x}\nsupervisors: CNRS\n",
     "labs/x.yaml:3:14: 'supervisors' must be a list, not text"),
    ("code: X\nname: {fr: x}\nsupervisors:\n- CNRS\n- 12\n",
     "labs/x.yaml:5:3: an entry of 'supervisors' must be text, not a number"),
    ("code: X\nname: {fr: x}\nthemes: {en: Analysis}\n",
     "labs/x.yaml:3:14: 'themes.en' must be a list, not text"),
    ("code: X\nname: {fr: x}\ncoordinates: {lat: 143.5, lng: 1.4}\n",
     "labs/x.yaml:3:20: 'coordinates.lat' must be a number from -90 to 90"),
    ("code: X\nname: {fr: x}\nids: {rnsr: 200711888W, hal: x}\n",
     "labs/x.yaml:3:25: unknown key 'hal' in 'ids' (use rnsr or ror)"),
    ("- code: X\n",
     "labs/x.yaml:1:1: a lab file must be a mapping of keys such as 'code:' and 'name:', "
     "not a list"),
])
def test_each_mistake_has_one_exact_message(tmp_path, text, message):
    assert problems_of(tmp_path, text) == [message]


def test_an_unknown_institute_is_named_with_the_choices(tmp_path):
    text = IMT.replace("institute: INSMI", "institute: INSBB")
    assert problems_of(tmp_path, text, "umr-5219.yaml") == [
        "labs/umr-5219.yaml:7:12: institute 'INSBB' is not one of INSB, INC, INEE, INSHS, "
        "INSIS, INSMI, INP, IN2P3, INSU, INS2I; did you mean 'INSB'?"]


def test_a_file_that_is_not_utf8_is_reported_on_the_line_of_the_bad_byte(tmp_path):
    assert problems_of(tmp_path, b"code: X\nname: {fr: \xe9cole}\n") == [
        "labs/x.yaml:2: file is not UTF-8 text"]


def test_every_mistake_of_a_file_is_reported_at_once(tmp_path):
    text = "acronyme: X\nwebsite: ftp://x\n"
    assert problems_of(tmp_path, text) == [
        "labs/x.yaml:1: 'code' is missing",
        "labs/x.yaml:1: 'name' is missing (give fr, en or both)",
        "labs/x.yaml:1:1: unknown key 'acronyme'; did you mean 'acronym'?",
        "labs/x.yaml:2:10: website 'ftp://x' is not an http(s) URL",
    ]


def test_a_code_used_twice_is_reported_in_the_second_file(tmp_path):
    labs, problems = load(tmp_path, {"a.yaml": "code: UMR 5219\nname: {fr: A}\n",
                                     "b.yaml": "code: UMR 5219\nname: {fr: B}\n"})
    assert [lab.stem for lab in labs] == ["a"]
    assert problems == ["labs/b.yaml:1:7: code 'UMR 5219' is already used by labs/a.yaml"]


def test_labs_are_sorted_by_name_as_a_french_reader_expects(tmp_path):
    files = {f"{i}.yaml": f"code: C{i}\nname: {{{lang}: {name}}}\n" for i, (lang, name)
             in enumerate([("fr", "Zoologie"), ("en", "ecology lab"), ("fr", "École normale"),
                           ("fr", "Institut d'Optique"), ("fr", "institut de chimie")])}
    labs, _ = load(tmp_path, files)
    assert [lab.name.get("fr")[0] for lab in labs] == [
        "École normale", "ecology lab", "institut de chimie", "Institut d'Optique", "Zoologie"]


def test_sort_key_ignores_accents_case_and_punctuation():
    words = ["Zèbre", "école", "Ecole", "École", "Écologie", "Edf", "abeille", "Saint-Denis",
             "Sainte Anne", "Saint Denis"]
    assert sorted(words, key=sort_key) == [
        "abeille", "Ecole", "École", "école", "Écologie", "Edf", "Saint Denis", "Saint-Denis",
        "Sainte Anne", "Zèbre"]
    assert sort_key("Ecole") != sort_key("École")  # ties broken, so the order never varies


@pytest.mark.parametrize("text, slug", [
    ("Université Paris-Saclay", "universite-paris-saclay"),
    ("UMR 5219", "umr-5219"),
    ("Centre d'Œnologie  (Bordeaux)", "centre-d-oenologie-bordeaux"),
    ("Île-de-France", "ile-de-france"),
])
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_text_falls_back_to_the_other_language():
    assert Text(fr="Chimie").get("en") == ("Chimie", "fr")
    assert Text(en="Chemistry", fr="Chimie").get("en") == ("Chemistry", "en")
    assert Text().get("fr") is None
    assert TextList(en=("Optics",)).get("fr") == (("Optics",), "en")
    assert TextList().get("en") is None


def lab(code: str, **fields: object) -> Lab:
    """A lab made in code, for the functions that take labs."""
    return Lab(stem=code.lower(), path=f"labs/{code.lower()}.yaml", code=code,
               name=Text(fr=f"Labo {code}"), **fields)


def test_directory_figures_count_france_abroad_and_institutes():
    labs = [lab("A", institute="INSB"), lab("B", institute="INSB", country="Japan"),
            lab("C", country=""), lab("D")]
    figures = directory_figures(labs)
    assert (figures["labs_total"], figures["labs_in_france"], figures["labs_abroad"]) == (4, 2, 2)
    assert figures["institute:INSB"] == 2 and figures["institute:INSU"] == 0
    assert len([key for key in figures if key.startswith("institute:")]) == 10


def test_exports_are_deterministic_and_say_where_the_data_comes_from():
    labs = [lab("UMR 1", supervisors=("CNRS", "Université de Lille"), lat=50.6, lng=3.1,
                themes=TextList(fr=("Optique",)), summary=Text(fr="Un *labo*.")),
            lab("IRL 2", country="")]
    data = json.loads(export_json(labs, "en"))
    assert data["sources"] == ["RNSR (MESR), Licence Ouverte 2.0", "ROR, CC0",
                               "INSEE, Code officiel géographique (regions), Licence Ouverte 2.0"]
    first = data["labs"][0]
    assert (first["name"], first["name_lang"], first["summary"]) == ("Labo UMR 1", "fr",
                                                                     "Un *labo*.")
    assert data["labs"][1]["country"] is None
    assert export_json(labs, "en") == export_json(list(labs), "en")
    lines = export_csv(labs, "fr").split("\r\n")
    assert lines[0].startswith("code,name,name_lang,acronym,unit_type,institute,supervisors,")
    assert lines[1].startswith("UMR 1,Labo UMR 1,fr,,,,CNRS; Université de Lille,")
    assert export_csv(labs, "fr") == export_csv(list(labs), "fr")


def test_the_committed_lab_files_load_without_problems():
    paths = [f"labs/{p.name}" for p in sorted((ROOT / "content" / "labs").glob("*.yaml"))]
    labs, problems = load_labs(ROOT / "content", paths)
    assert [str(p) for p in problems] == []
    assert len(labs) == len(paths) > 1000


def test_each_exported_row_names_its_registries_and_their_licences():
    from_rnsr = Lab(stem="a", path="labs/a.yaml", code="UMR 1", name=Text(fr="A"), rnsr="1X")
    from_both = Lab(stem="b", path="labs/b.yaml", code="UMR 2", name=Text(fr="B"), rnsr="2Y",
                    ror="0abc")
    lines = export_csv((from_rnsr, from_both), "en").split("\r\n")
    assert lines[0].endswith(",sources")
    assert lines[1].endswith(',"RNSR (MESR), Licence Ouverte 2.0"')
    assert lines[2].endswith(',"RNSR (MESR), Licence Ouverte 2.0; ROR, CC0"')
    rows = json.loads(export_json((from_both,), "fr"))["labs"]
    assert rows[0]["sources"] == ["RNSR (MESR), Licence Ouverte 2.0", "ROR, CC0"]


def test_regions_are_exported_in_the_files_language_with_their_official_code():
    breton = Lab(stem="a", path="labs/a.yaml", code="UMR 1", name=Text(fr="A"), rnsr="1X",
                 region="Bretagne")
    english = json.loads(export_json((breton,), "en"))["labs"][0]
    french = json.loads(export_json((breton,), "fr"))["labs"][0]
    assert (english["region"], french["region"], french["region_code"]) == (
        "Brittany", "Bretagne", "53")
    assert english["sources"][-1].startswith("INSEE, Code officiel géographique")
    header, row = export_csv((breton,), "fr").split("\r\n")[:2]
    assert ",region,region_code,country," in header and ",Bretagne,53,France," in row
