"""Cheap first pass: could this document be about nuclear/radioactive material at all?
One compiled regular expression over the text; documents that fail skip spaCy NER,
the material rules' quantity work, the embedding model and the assessment."""

from __future__ import annotations

import re
from pathlib import Path

from nlp.data_files import read_yaml

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
)
TERMS_FILE = Path(__file__).parent / "data" / "triage-terms-v1.yaml"
_WORDS = tuple(read_yaml(TERMS_FILE)["terms"])
_TRIAGE = re.compile("|".join(f"(?:{t})" for t in (*_TERMS, *_WORDS)))


def mentions_rn_terms(text: str) -> bool:
    """True when any material, device, scam or radiation term appears, in any language."""
    return _TRIAGE.search(text) is not None
