"""Registry text written in capitals, shown in proper case: acronyms and small words kept right."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Acronyms common in the registry's names, kept in capitals wherever they appear.
ACRONYMS = frozenset("""
    CNRS UMR UMS UPR UAR USR IRL UMI EMR ERL FRE FR GDR GIS IRD INSERM INRAE INRA INRIA CEA
    CNES IFREMER IRSTEA ONERA IRSN BRGM EHESS EPHE ENS ENSAM INSA ESPCI ENSTA IUT IUF MNHN
    CHU CHRU AP HP APHP CIRAD IFSTTAR IGN INALCO INED INP INSB INC INEE INSHS INSIS INSMI
    IN2P3 INSU INS2I UPMC UVSQ USTL UCBL LMU ETH EPFL MIT UCL UCLA USA UK UE EU
    CERN ESA ESO ESRF ILL SOLEIL GANIL IPEV IMT IMT-ATLANTIQUE UTC UTT UBS UPPA UGA UCA
    ADN ARN RNA DNA SHS STIC TIC IA AI CMI II III IV VI VII VIII IX XI XII XIII XIV
    """.split())
SMALL = frozenset("""
    de des du et la le les en aux au sur pour par dans sous chez entre avec ou à
    of and the for in on at to by from with
    """.split())
ELIDED = ("d'", "l'", "d’", "l’")  # French elisions: 'D'ETUDES' -> 'd'Etudes'
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\S", re.UNICODE)
TOKEN = re.compile(r"([\s/()\[\],;:.+«»\"]+|-)")


def is_shouted(text: str, shortest: int = 6) -> bool:
    """Whether text is (mostly) in capitals: four letters in five or more, `shortest` at least.

    Six letters by default: a shorter name in capitals may be an acronym (IRAM, LPG).
    """
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= shortest and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def proper_case(text: str, acronyms: Iterable[str] = (), shortest: int = 6) -> str:
    """Text in capitals in title case, small words lower case, acronyms kept; other text as is.

    `shortest=2` for text that is never an acronym, such as a city ('PAU' -> 'Pau').
    """
    if not text or not is_shouted(text, shortest):
        return text
    keep = ACRONYMS | {a.upper() for a in acronyms if a and len(a) <= 6}
    parts = TOKEN.split(text)
    out, first = [], True
    for part in parts:
        if not part or TOKEN.fullmatch(part):
            out.append(part)
            if part and part.strip() in "(/[«\"":  # a word after an opening sign starts anew
                first = first or bool(part.strip())
            continue
        out.append(case_word(part, keep, first))
        first = False
    return "".join(out)


def case_word(word: str, keep: frozenset[str], first: bool) -> str:
    """One word of a shouted name in proper case."""
    upper = word.upper()
    if upper in keep or any(c.isdigit() for c in word) or not any(c.isalpha() for c in word):
        return word
    if not first and word.lower() in SMALL:
        return word.lower()
    for elided in ELIDED:
        if word.lower().startswith(elided) and len(word) > 2:
            head = elided if not first else elided.capitalize()
            rest = case_word(word[2:], keep, False)
            return head + (rest if rest.isupper() else rest.capitalize())
    if len(word) <= 4 and not re.search(r"[AEIOUYÀÂÉÈÊËÎÏÔÖÛÜ]", upper):
        return word  # no vowel: an acronym (LPG, CRHM)
    return word[0].upper() + word[1:].lower()
