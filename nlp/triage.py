"""Cheap first pass: could this document be about nuclear/radioactive material at all?
One compiled regular expression over the text; documents that fail skip spaCy NER,
the material rules' quantity work, the embedding model and the assessment."""

from __future__ import annotations

import re

_NUCLIDES = (
    ("Cs", "137"),
    ("Co", "60"),
    ("Ir", "192"),
    ("Am", "241"),
    ("Sr", "90"),
    ("Ra", "226"),
    ("Se", "75"),
    ("Cf", "252"),
    ("Pu", "239"),
    ("Pu", "238"),
    ("Po", "210"),
    ("Kr", "85"),
    ("U", "235"),
    ("U", "238"),
    ("Th", "232"),
    ("Mo", "99"),
    ("Tc", "99m"),
    ("Lu", "177"),
    ("I", "131"),
)
_SYMBOL_MASS = "|".join(f"{s}[- ]?{m}|{m}-?{s}" for s, m in _NUCLIDES)
_TERMS = (
    rf"(?<![\w-])(?:{_SYMBOL_MASS}|H-3)(?![\d])",
    r"[¹²³⁰⁴⁵⁶⁷⁸⁹]{1,3} ?(?:Cs|Co|Ir|Am|Sr|Ra|Pu|U)",
    r"(?<![\w-])(?:HEU|LEU|UF6|UOC|RTGs?|XRF|AmBe|DU)(?![\w-])",
    r"(?i:c[ae]?s[ií]o?um|cesio|cobalt|irid|americ|améric|stront|estronc|radium|s[ée]l[ée]n|"
    r"californ|pluton|poloni|krypton|kript|tritium|tritio|urani|thori|torio|yellow ?cake|"
    r"red mercury|mercure rouge|mercurio rojo|osmi|radioa[ck]ti|radia[ck]ti|radioactiv|"
    r"nuclear material|mati[èe]res? nucl[ée]aires?|materiale?s? nucleare?s?|dirty bomb|"
    r"bombe sale|bomba sucia|radiograph|radiograf|gammagra|gammágra|gauge|jauge|densim|"
    r"dens[íi]metro|humidim|irradiat|irradiad|smoke detector|d[ée]tecteur de fum|"
    r"detector de humo|paratonnerre|pararrayos|lightning rod|brachy|braquiter|curieth|"
    r"teletherap|t[ée]l[ée]th[ée]rap|teleterap|well[- ]logging|diagraphie|perfilaje|"
    r"technet|tecnec|molybd|molibd|lut[ée]ci|lutetium|iod(?:ine|e|o)[- ]131|"
    r"fluor(?:ine)?[- ]18|18F|"
    r"orphan source|source orpheline|fuente hu[ée]rfana|becquerel|curie)",
    r"سيزيوم|كوبالت|إيريديوم|ايريديوم|أمريسيوم|سترونتيوم|راديوم|بلوتونيوم|بولونيوم|تريتيوم|"
    r"يورانيوم|ثوريوم|الزئبق الأحمر|أوزميوم|مشع|إشعاع|اشعاع|مواد نووية|قنبلة قذرة|كوري|بيكريل",
)
_TRIAGE = re.compile("|".join(f"(?:{t})" for t in _TERMS))


def mentions_rn_terms(text: str) -> bool:
    """True when any material, device, scam or radiation term appears, in any language."""
    return _TRIAGE.search(text) is not None
