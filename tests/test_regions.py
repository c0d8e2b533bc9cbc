"""The official geography: a French address's current région, checked on real addresses."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from duosite.text.regions import fold_commune, region_named, region_of, regions

RNSR = Path("/work/shared/data/rnsr/structures-recherche-publiques-actives.csv")


@pytest.mark.parametrize(("postcode", "commune", "region"), [
    ("31400", "TOULOUSE", "Occitanie"),
    ("44321", "NANTES CEDEX 3", "Pays de la Loire"),  # a CEDEX code is in no commune's list
    ("35042", "RENNES CEDEX", "Bretagne"),
    ("20250", "CORTE", "Corse"),  # Haute-Corse, 2B
    ("20090", "AJACCIO CEDEX 9", "Corse"),  # Corse-du-Sud, 2A, by its postcode alone
    ("97744", "ST DENIS CEDEX 9", "La Réunion"),  # not Saint-Barthélemy (977)
    ("97133", "SAINT-BARTHELEMY", "Saint-Barthélemy"),  # a collectivity, with a 971 code
    ("98702", "FAAA CEDEX", "Polynésie française"),  # not 'Îles du Vent'
    ("97310", "Kourou", "Guyane"),
    ("69622", "VILLEURBANNE CEDEX", "Auvergne-Rhône-Alpes"),  # never the former Rhône-Alpes
    ("05110", "LA SAULCE", "Provence-Alpes-Côte d'Azur"),
])
def test_a_postcode_and_commune_give_the_current_region(postcode, commune, region):
    assert region_of(postcode, commune).fr == region


def test_unknown_addresses_give_no_region():
    assert region_of("", "KELAMBAKKAM") is None
    assert region_of("99999", "NOWHERE") is None
    assert region_of("H3A", "MONTREAL") is None


def test_names_and_slugs_in_each_language():
    names = {(r.name("fr"), r.name("en"), r.slug("fr"), r.slug("en"))
             for r in regions().values()}
    assert ("Bretagne", "Brittany", "bretagne", "brittany") in names
    assert ("Corse", "Corsica", "corse", "corsica") in names
    assert ("La Réunion", "Réunion", "la-reunion", "reunion") in names
    assert sum(r.kind == "region" for r in regions().values()) == 18


def test_ror_names_are_read_as_current_regions_or_not_at_all():
    assert region_named("Brittany").fr == "Bretagne"
    assert region_named("ile-de-france").fr == "Île-de-France"
    assert region_named("Rhône-Alpes") is None  # a former region
    assert region_named("Îles du Vent") is None  # a sub-division of French Polynesia


def test_commune_names_are_compared_folded():
    assert fold_commune("ST-MARTIN-D'HERES CEDEX 9") == "saint martin d heres"
    assert fold_commune("Saint-Martin-d'Hères") == "saint martin d heres"


@pytest.mark.skipif(not RNSR.exists(), reason="the real registry is not on this machine")
def test_nearly_every_cnrs_lab_in_france_of_the_real_registry_has_a_region():
    with open(RNSR, encoding="utf-8", newline="") as stream:
        rows = [row for row in csv.DictReader(stream, delimiter=";")
                if row["code_de_niveau_de_structure"] == "2" and "CNRS" in
                row["sigles_des_tutelles"].split(";") and row["code_postal"][:1].isdigit()]
    found = [region_of(row["code_postal"].strip(), row["commune"]) for row in rows]
    assert len(rows) > 1000
    assert sum(r is not None for r in found) / len(rows) >= 0.98
