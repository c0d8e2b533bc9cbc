"""The casing rule for registry text written in capitals."""

import pytest

from duosite.text.casing import is_shouted, proper_case


@pytest.mark.parametrize(("written", "shown"), [
    ("ARCHEOLOGIE ET ARCHEOMETRIE", "Archeologie et Archeometrie"),  # typos stay, not shouted
    ("LABORATOIRE DE MATHÉMATIQUES DE BESANÇON", "Laboratoire de Mathématiques de Besançon"),
    ("INSTITUT D'ETUDES SCIENTIFIQUES DE CARGESE", "Institut d'Etudes Scientifiques de Cargese"),
    ("LABORATOIRE DE PHYSIQUE DE L'ENS DE LYON", "Laboratoire de Physique de l'ENS de Lyon"),
    ("ARCHEOLOGIE, TERRE, HISTOIRE, SOCIETES - UMR 6298",
     "Archeologie, Terre, Histoire, Societes - UMR 6298"),
    ("INSTITUT FRANCHE-COMTE ELECTRONIQUE", "Institut Franche-Comte Electronique"),
    ("INSTITUT de PHARMACOLOGIE et de BIOLOGIE STRUCTURALE",
     "Institut de Pharmacologie et de Biologie Structurale"),
    ("UNIVERSITY OF CALIFORNIA BERKELEY", "University of California Berkeley"),
    ("CENTRE DE RECHERCHE SUR LES MACROMOLECULES VEGETALES AUX CNRS ET INSERM",
     "Centre de Recherche sur les Macromolecules Vegetales aux CNRS et INSERM"),
    ("DE LA TERRE AUX ÉTOILES", "De la Terre aux Étoiles"),  # the first word is capitalised
    ("NANTES", "Nantes"),
    ("IRAM", "IRAM"),  # too short to tell a name from an acronym
    ("CLERMONT-FERRAND", "Clermont-Ferrand"),
    ("Institut de Mathématiques de Toulouse", "Institut de Mathématiques de Toulouse"),
    ("Laboratoire Jean PERRIN", "Laboratoire Jean PERRIN"),  # mixed case: left as written
])
def test_capitals_become_proper_case(written, shown):
    assert proper_case(written) == shown


def test_the_labs_own_acronyms_are_kept():
    assert proper_case("UMR LPG PLANETOLOGIE") == "UMR LPG Planetologie"  # no vowel: acronym
    assert proper_case("CENTRE IPHC STRASBOURG") == "Centre Iphc Strasbourg"
    assert proper_case("CENTRE IPHC STRASBOURG", ["IPHC"]) == "Centre IPHC Strasbourg"


def test_a_city_is_never_an_acronym():
    assert proper_case("PAU", shortest=2) == "Pau"
    assert proper_case("AIX EN PROVENCE", shortest=2) == "Aix en Provence"


def test_what_counts_as_shouted():
    assert is_shouted("ECOLE DE PHYSIQUE")
    assert not is_shouted("Ecole de physique")
    assert not is_shouted("IRAM")  # an acronym as a name
