"""Quantities in text: activity (Bq), mass (g), enrichment (%) and counts, with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from nlp.data_files import read_yaml

CURIE_BQ = 3.7e10  # 1 Ci = 37 GBq exactly (definition)
_AR = "\u0600-\u06ff"
_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|half a|"
    "un|une|deux|trois|quatre|cinq|dix|uno|una|dos|tres|cuatro|cinco|diez"
)
_NUMBER = (
    rf"(?<![\w.,])(?P<num>\d+(?:[.,]\d+)*|(?i:{_WORDS})(?=[\s-]))"
    r"(?:\s?[x×]\s?10\^?(?P<exp>-?\d+))?"
    r"(?:\s(?P<mult>(?i:thousand|million|billion|millions?|mil|millones|milliards?)|ألف|مليون))?"
)
_MULTIPLIERS = {
    "thousand": 1e3,
    "mil": 1e3,
    "ألف": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "millones": 1e6,
    "مليون": 1e6,
    "billion": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
}

ACTIVITY_UNITS: dict[str, float] = {
    "PBq": 1e15,
    "TBq": 1e12,
    "GBq": 1e9,
    "MBq": 1e6,
    "kBq": 1e3,
    "Bq": 1.0,
    "kCi": 1e3 * CURIE_BQ,
    "Ci": CURIE_BQ,
    "mCi": 1e-3 * CURIE_BQ,
    "µCi": 1e-6 * CURIE_BQ,
    "uCi": 1e-6 * CURIE_BQ,
    "becquerels": 1.0,
    "becquerel": 1.0,
    "becquerelios": 1.0,
    "becquerelio": 1.0,
    "gigabecquerels": 1e9,
    "gigabecquerel": 1e9,
    "megabecquerels": 1e6,
    "megabecquerel": 1e6,
    "terabecquerels": 1e12,
    "terabecquerel": 1e12,
    "kilobecquerels": 1e3,
    "curies": CURIE_BQ,
    "curie": CURIE_BQ,
    "curios": CURIE_BQ,
    "curio": CURIE_BQ,
    "millicuries": 1e-3 * CURIE_BQ,
    "millicurie": 1e-3 * CURIE_BQ,
    "milicuries": 1e-3 * CURIE_BQ,
    "microcuries": 1e-6 * CURIE_BQ,
    "microcurie": 1e-6 * CURIE_BQ,
    "كوري": CURIE_BQ,
    "ملي كوري": 1e-3 * CURIE_BQ,
    "ميلي كوري": 1e-3 * CURIE_BQ,
    "بيكريل": 1.0,
    "جيجا بيكريل": 1e9,
    "غيغا بيكريل": 1e9,
    "ميغا بيكريل": 1e6,
    "ميجا بيكريل": 1e6,
    "تيرا بيكريل": 1e12,
}
MASS_UNITS: dict[str, float] = {
    "mg": 1e-3,
    "g": 1.0,
    "gr": 1.0,
    "kg": 1e3,
    "lb": 453.59237,
    "lbs": 453.59237,
    "t": 1e6,
    "tonnes": 1e6,
    "tonne": 1e6,
    "tons": 907184.74,
    "ton": 907184.74,
    "toneladas": 1e6,
    "tonelada": 1e6,
    "milligrams": 1e-3,
    "milligrammes": 1e-3,
    "miligramos": 1e-3,
    "grams": 1.0,
    "gram": 1.0,
    "grammes": 1.0,
    "gramme": 1.0,
    "gramos": 1.0,
    "gramo": 1.0,
    "kilograms": 1e3,
    "kilogram": 1e3,
    "kilogrammes": 1e3,
    "kilogramme": 1e3,
    "kilogramos": 1e3,
    "kilogramo": 1e3,
    "kilos": 1e3,
    "kilo": 1e3,
    "pounds": 453.59237,
    "pound": 453.59237,
    "libras": 453.59237,
    "غرامات": 1.0,
    "غراما": 1.0,
    "غرام": 1.0,
    "جرامات": 1.0,
    "جراما": 1.0,
    "جرام": 1.0,
    "ملغ": 1e-3,
    "ملليغرام": 1e-3,
    "كيلوغرامات": 1e3,
    "كيلوغراما": 1e3,
    "كيلوغرام": 1e3,
    "كيلوجرامات": 1e3,
    "كيلوجراما": 1e3,
    "كيلوجرام": 1e3,
    "كغ": 1e3,
    "كلغ": 1e3,
    "كيلو": 1e3,
    "أطنان": 1e6,
    "طن": 1e6,
    "غ": 1.0,
}
# Units of the other covered languages and scripts (versioned data file, see its header).
UNITS_FILE = Path(__file__).parent.parent / "data" / "units-v1.yaml"
_MORE_UNITS = read_yaml(UNITS_FILE)
ACTIVITY_UNITS.update({str(k): float(v) for k, v in _MORE_UNITS["activity"].items()})
MASS_UNITS.update({str(k): float(v) for k, v in _MORE_UNITS["mass"].items()})
_CASE_SENSITIVE = {
    "mg",
    "g",
    "gr",
    "kg",
    "lb",
    "lbs",
    "t",
    *(u for u in ACTIVITY_UNITS if len(u) <= 4),
    *(u for u in _MORE_UNITS["mass"] if len(u) <= 2),
}
_UNIT_END = rf"(?![\w{_AR}/²³])"


def _unit_alternation(units: dict[str, float]) -> str:
    ordered = sorted(units, key=len, reverse=True)
    parts = [re.escape(u) if u in _CASE_SENSITIVE else f"(?i:{re.escape(u)})" for u in ordered]
    return "|".join(parts)


_ACTIVITY = re.compile(rf"{_NUMBER}[\s-]?(?P<unit>{_unit_alternation(ACTIVITY_UNITS)}){_UNIT_END}")
_MASS = re.compile(rf"{_NUMBER}[\s-]?(?P<unit>{_unit_alternation(MASS_UNITS)}){_UNIT_END}")
_PERCENT = re.compile(
    rf"{_NUMBER}\s?(?:%|(?i:percent|per cent|pour cent|por ciento|prozent|por cento|per cento|"
    r"процент\w*|відсот\w*|procent\w*)|"
    r"في المئة|بالمئة|بالمائة|في المائة)"
)
_ENRICH_CUE = re.compile(
    r"(?i)enrich|enrichi|enriquec|مخصب|تخصيب|U-?235|weapons?[- ]grade|uranium-235|"
    r"uranio-?235|angereichert|arricchit|обогащ|збагач|wzbogac|zenginle|გამდიდრ"
)
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "twenty": 20,
    "dozen": 12,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
}
_COUNT_NOUNS = (
    r"pellets?|sources?|capsules?|gauges?|containers?|canisters?|rods?|detectors?|seeds?|"
    r"cameras?|devices?|cylinders?|vials?|ampoules?|pastilles?|jauges?|conteneurs?|"
    r"détecteurs?|fuentes?|cápsulas?|medidores?|contenedores?|pastillas?|detectores?|barras?|"
    r"densímetros?|paratonnerres?|pararrayos|bidons?|flacons?|frascos?"
)
_COUNT = re.compile(
    rf"(?i)(?<![\w.,-])(?P<num>\d+|{'|'.join(NUMBER_WORDS)})\s+(?:[^\W\d_][^\W\d]*\s+){{0,3}}?"
    rf"(?P<noun>{_COUNT_NOUNS})(?!\w)"
)


@dataclass(frozen=True)
class Quantity:
    kind: str  # "activity_bq", "quantity_g", "enrichment_pct", "count"
    value: float
    start: int
    end: int
    text: str


def parse_number(raw: str, language: str | None) -> float:
    """A number as written: '1,5' is 1.5 in fr/es/ar, '1,500' is 1500 in English."""
    comma_decimal = language in {"fr", "es", "ar", "pt", "it", "de", "ru", "uk", "pl", "tr", "ka"}
    if "," in raw and "." in raw:
        decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        return float(raw.replace(thousands, "").replace(decimal, "."))
    for sep in (",", "."):
        if sep in raw:
            groups = raw.split(sep)
            grouped = all(len(g) == 3 for g in groups[1:])
            if len(groups) > 2 or (
                grouped and ((sep == "," and not comma_decimal) or (sep == "." and comma_decimal))
            ):
                return float(raw.replace(sep, ""))
            return float(raw.replace(sep, "."))
    return float(raw)


def _value(match: re.Match[str], language: str | None) -> float:
    raw = match.group("num")
    words = {**NUMBER_WORDS, "half a": 0.5, "un": 1, "une": 1, "uno": 1, "una": 1}
    value = words[raw.lower()] if raw.lower() in words else parse_number(raw, language)
    exponent = match.groupdict().get("exp")
    multiplier = _MULTIPLIERS.get((match.groupdict().get("mult") or "").lower(), 1.0)
    return float(value) * multiplier * (10 ** int(exponent) if exponent else 1)


def _unit_factor(units: dict[str, float], unit: str) -> float:
    return units.get(unit) or units[unit.lower()]


def find_quantities(text: str, language: str | None) -> list[Quantity]:
    """Activities, masses, enrichments and counts in `text` (normalised characters)."""
    found: list[Quantity] = []
    for match in _ACTIVITY.finditer(text):
        value = _value(match, language) * _unit_factor(ACTIVITY_UNITS, match.group("unit"))
        found.append(Quantity("activity_bq", value, match.start(), match.end(), match.group()))
    for match in _MASS.finditer(text):
        value = _value(match, language) * _unit_factor(MASS_UNITS, match.group("unit"))
        found.append(Quantity("quantity_g", value, match.start(), match.end(), match.group()))
    found.extend(_enrichments(text, language))
    measured = [(q.start, q.end) for q in found]
    found.extend(
        q for q in _counts(text) if not any(s < q.end and q.start < e for s, e in measured)
    )
    return found


def _enrichments(text: str, language: str | None) -> list[Quantity]:
    result = []
    for match in _PERCENT.finditer(text):
        window = text[max(0, match.start() - 40) : match.end() + 40]
        if _ENRICH_CUE.search(window):
            value = _value(match, language)
            if 0 < value <= 100:
                result.append(
                    Quantity("enrichment_pct", value, match.start(), match.end(), match.group())
                )
    return result


def _counts(text: str) -> list[Quantity]:
    result = []
    for match in _COUNT.finditer(text):
        raw = match.group("num").lower()
        value = float(raw) if raw.isdigit() else float(NUMBER_WORDS[raw])
        if 0 < value < 10000:
            result.append(Quantity("count", value, match.start(), match.end(), match.group()))
    return result
