"""Dates to ISO 8601 with dateparser: '3 March 2024' -> '2024-03-03', 'March 2024' ->
'2024-03', '2024' -> '2024'. Relative dates resolve only against a given document date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser

from nlp.textutil import normalise_chars

LANGUAGES = (
    "en",
    "fr",
    "es",
    "ar",
    "pt",
    "de",
    "it",
    "ru",
    "uk",
    "pl",
    "tr",
    "ka",
)  # dateparser knows each
_LEVANTINE_MONTHS = {
    "كانون الثاني": "يناير",
    "شباط": "فبراير",
    "آذار": "مارس",
    "نيسان": "أبريل",
    "أيار": "مايو",
    "حزيران": "يونيو",
    "تموز": "يوليو",
    "آب": "أغسطس",
    "أيلول": "سبتمبر",
    "تشرين الأول": "أكتوبر",
    "تشرين الثاني": "نوفمبر",
    "كانون الأول": "ديسمبر",
}
_MODIFIERS = re.compile(
    r"(?i)^(?:on|in|since|by|from|until|around|about|early|late|mid-?|the|of|le|la|les|en|"
    r"début|fin|mi-?|el|los|las|principios de|finales de|mediados de|a principios de|في|منذ|"
    r"بداية|أواخر|أوائل|مطلع)\s+"
)
WEEKDAY_NAMES = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|"
    r"domingo|(?:يوم\s+)?(?:الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد))"
)
_WEEKDAY = re.compile(rf"(?i)^{WEEKDAY_NAMES},?\s+")
# "7 au 8 novembre 2023": a range of days is as precise as its month
_DAY_RANGE = re.compile(r"(?i)^\d{1,2}(?:er|st|nd|rd|th)?\s*(?:-|au|al|to|and|et|y|إلى|و)\s*(?=\d)")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?![\d']?s\b|\d)")
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass(frozen=True)
class NormalisedDate:
    iso: str  # YYYY-MM-DD, YYYY-MM or YYYY
    value: date  # first day of the period
    period: str  # "day", "month", "year"


@lru_cache(maxsize=8)
def _parser(language: str) -> DateDataParser:
    languages = [language] if language in LANGUAGES else ["en"]
    return DateDataParser(
        languages=languages,
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "DATE_ORDER": "DMY" if language != "en" else "MDY",
        },
    )


def normalise_date(
    text: str, language: str | None, reference: date | None = None
) -> NormalisedDate | None:
    """ISO form of a date expression, or None when it cannot be pinned to the calendar
    (relative dates without a reference date, durations, nonsense)."""
    return _normalise(normalise_chars(text).strip(), language or "en", reference)


@lru_cache(maxsize=20_000)
def _normalise(text: str, language: str, reference: date | None) -> NormalisedDate | None:
    cleaned = _clean(text)
    if _DAY_RANGE.match(cleaned):
        single = _normalise(_DAY_RANGE.sub("", cleaned), language, reference)
        if single is None or single.period != "day":
            return single
        return NormalisedDate(single.iso[:7], single.value.replace(day=1), "month")
    iso = _ISO.match(cleaned)
    if iso:
        return _from_parts(int(iso[1]), int(iso[2]), int(iso[3]) if iso[3] else None)
    quick = _quick(cleaned)
    if quick is not None:
        return quick
    absolute = bool(_YEAR.search(cleaned))
    if not absolute and reference is None:
        return None
    settings = (
        {"RELATIVE_BASE": datetime.combine(reference, datetime.min.time())} if reference else {}
    )
    data = _parse(cleaned, language, tuple(settings.items()))
    if data is None:
        return None
    parsed, period = data
    if absolute and str(parsed.year) not in cleaned:
        return None
    if period == "year" or (cleaned.isdigit() and len(cleaned) == 4):
        return NormalisedDate(f"{parsed.year:04d}", date(parsed.year, 1, 1), "year")
    if period == "month":
        return NormalisedDate(
            f"{parsed.year:04d}-{parsed.month:02d}", date(parsed.year, parsed.month, 1), "month"
        )
    if period in {"week"}:
        return None
    return NormalisedDate(parsed.date().isoformat(), parsed.date(), "day")


def _parse(
    text: str, language: str, settings: tuple[tuple[str, object], ...]
) -> tuple[datetime, str] | None:
    parser = (
        _parser(language)
        if not settings
        else DateDataParser(
            languages=[language if language in LANGUAGES else "en"], settings=dict(settings)
        )
    )
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None:
        return None
    return data.date_obj, str(data.period)


def _clean(text: str) -> str:
    cleaned = re.sub(r"(?i)\bmid-", "", text.strip(" ,.;:()"))
    for levantine, gregorian in _LEVANTINE_MONTHS.items():
        cleaned = cleaned.replace(levantine, gregorian)
    cleaned = re.sub(r"(\S+)\s*/\s*\1", r"\1", cleaned)  # "آذار/مارس" -> "مارس/مارس" -> "مارس"
    cleaned = _WEEKDAY.sub("", cleaned)
    previous = None
    while previous != cleaned:
        previous = cleaned
        cleaned = _MODIFIERS.sub("", cleaned)
    return cleaned


_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (
            "january janvier enero يناير كانون_الثاني jan",
            "february février fevrier febrero فبراير شباط feb",
            "march mars marzo مارس آذار mar",
            "april avril abril أبريل ابريل نيسان apr",
            "may mai mayo مايو أيار",
            "june juin junio يونيو حزيران jun",
            "july juillet julio يوليو تموز jul",
            "august août aout agosto أغسطس اغسطس آب aug",
            "september septembre septiembre setiembre سبتمبر أيلول sep sept",
            "october octobre octubre أكتوبر اكتوبر تشرين_الأول oct",
            "november novembre noviembre نوفمبر تشرين_الثاني nov",
            "december décembre decembre diciembre ديسمبر كانون_الأول dec",
        ),
        start=1,
    )
    for name in names.replace("_", " ").split(" ")
    if name
}
_DAY_MONTH_YEAR = re.compile(
    r"^(\d{1,2})(?:er|st|nd|rd|th|º)?\s+(?:de\s+)?(\D+?)\.?,?\s+(?:de\s+|del\s+)?(\d{4})$"
)
_MONTH_DAY_YEAR = re.compile(r"^(\D+?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^(\D+?)\.?,?\s+(?:de\s+|del\s+)?(\d{4})$")


def _quick(text: str) -> NormalisedDate | None:
    """The common shapes (3 March 2024, March 3, 2024, March 2024, 2024) without dateparser."""
    if re.fullmatch(r"\d{4}", text):
        return NormalisedDate(text, date(int(text), 1, 1), "year")
    parts = _numbers(
        text, ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"), (_MONTH_YEAR, "my"))
    )
    return _from_parts(parts["y"], parts["m"], parts.get("d")) if parts else None


def _numbers(text: str, shapes: Sequence[tuple[re.Pattern[str], str]]) -> dict[str, int] | None:
    """Day, month and year ("d", "m", "y") of the first shape `text` has; None when it has
    none or its month name is unknown."""
    for pattern, order in shapes:
        match = pattern.match(text)
        if match is None:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = _MONTH_NUMBERS.get(parts.pop("m").strip().casefold())
        if month is None:
            return None
        return {"m": month} | {key: int(value) for key, value in parts.items()}
    return None


_DAY_MONTH = re.compile(r"^(\d{1,2})(?:er|st|nd|rd|th|º)?\s+(?:de\s+)?(\D+?)\.?$")
_MONTH_DAY = re.compile(r"^(\D+?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?$")


def resolve_without_year(text: str, reference: date) -> NormalisedDate | None:
    """A day and month without a year ("March 12", "viernes 10 de enero") placed in the year
    of `reference`, or the year before when that puts it months after the reference."""
    cleaned = _clean(normalise_chars(text).strip())
    parts = _numbers(cleaned, ((_DAY_MONTH, "dm"), (_MONTH_DAY, "md")))
    if parts is None:
        return None
    found = _from_parts(reference.year, parts["m"], parts["d"])
    if found is None or (found.value - reference).days <= 7:
        return found
    if (found.value - reference).days > 120:  # "12 December" in a January report
        return _from_parts(reference.year - 1, parts["m"], parts["d"])
    return None  # weeks ahead of the report: a hearing or a deadline, not an event


def _from_parts(year: int, month: int, day: int | None) -> NormalisedDate | None:
    try:
        if day is None:
            return NormalisedDate(f"{year:04d}-{month:02d}", date(year, month, 1), "month")
        value = date(year, month, day)
    except ValueError:
        return None
    return NormalisedDate(value.isoformat(), value, "day")
