"""Date expressions found by patterns (any covered language), for text spaCy does not cover.
Month names of en/fr/es/ar are written here; those of the other covered languages come from
dateparser's locale data (the parser that normalises them), inflected forms included."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.languages.loader import default_loader

from nlp.dates import LANGUAGES, WEEKDAY_NAMES
from nlp.textutil import normalise_chars

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?|"
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
    "décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
    "octubre|noviembre|diciembre|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|"
    "سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|"
    "تشرين الأول|تشرين الثاني|كانون الأول"
)
_DAY = r"\d{1,2}(?:er|st|nd|rd|th|º|°|\.)?"  # "12. März" in German
_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_WRITTEN_HERE = ("en", "fr", "es", "ar")
_WEEKDAY = rf"{WEEKDAY_NAMES},?\s+"
# "lundi matin", "mardi dernier", "el viernes pasado", "مساء السبت", "الخميس الماضي"
_WEEKDAY_ALONE = (
    rf"(?<![\w\u0600-\u06ff])(?:(?:مساء|صباح|فجر|ليلة)\s+)?{WEEKDAY_NAMES}"
    r"(?:\s+(?:dernier|soir|matin|après-midi|pasado|por la (?:mañana|tarde|noche)|"
    r"الماضي|الماضية|الفائت))?(?![\w\u0600-\u06ff])"
)
# "7 au 8 novembre", "7-8 November", "22 إلى 23 مايو": the first day of a range
_RANGE = rf"{_DAY}\s*(?:-|au|al|to|and|et|y|إلى|و)\s*"
_YEAR = r"(?:1[89]|20)\d\d"
_ENDS = r"(?![\w\u0600-\u06ff])"


def _dateparser_months() -> str:
    """Full month names (and their inflected forms) of the covered languages not written above;
    abbreviations of three letters or fewer are left out ("mar", "пн")."""
    names: set[str] = set()
    for language in LANGUAGES:
        if language in _WRITTEN_HERE:
            continue
        info = default_loader.get_locale(language).info
        for key in _MONTH_KEYS:
            names.update(n.lower() for n in info.get(key, []) if len(n) > 3)
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(every date pattern combined, a bare month name): built on first use, as reading
    dateparser's locales takes a moment."""
    months = f"{_MONTHS}|{_dateparser_months()}"
    month = rf"(?i:{months})(?:\s*/\s*(?i:{months}))?"
    patterns = (
        rf"(?<!\d){_YEAR}-\d{{2}}-\d{{2}}(?!\d)",
        rf"(?<![\d/.])\d{{1,2}}[/.]\d{{1,2}}[/.]{_YEAR}(?!\d)",
        rf"(?<![\w\u0600-\u06ff])(?:{_WEEKDAY})?(?:(?:{_RANGE})?{_DAY}\s+(?:de\s+)?)?{month}"
        rf"{_ENDS}(?:\s+{_DAY},?)?(?:\s*,?\s+(?:de\s+|del\s+)?{_YEAR})?(?!\d)",
        rf"(?<!\w)(?:in|en|since|depuis|desde|during|durant|durante|عام|سنة|في) "
        rf"(?P<year>{_YEAR})(?!\d)",
        r"(?<!\w)(?i:yesterday|last (?:week|month|year|night)|hier|avant-hier|la semaine "
        r"derni[èe]re|le mois dernier|ayer|anteayer|la semana pasada|el mes pasado)(?!\w)",
        r"(?:أمس|الأسبوع الماضي|الشهر الماضي)",
        _WEEKDAY_ALONE,
    )
    combined = re.compile("|".join(f"(?:{p})" for p in patterns))
    return combined, re.compile(rf"(?i:{months})")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str


def find_date_mentions(text: str) -> list[DateMention]:
    """Date-like spans; a bare month name without day or year is not one."""
    combined, bare_month = _patterns()
    found = []
    for match in combined.finditer(normalise_chars(text)):  # same offsets, ASCII digits
        if match.group("year"):
            start, end = match.span("year")
            found.append(DateMention(start, end, match.group("year")))
            continue
        surface = match.group().rstrip(" ,")
        if bare_month.fullmatch(surface):
            continue
        end = match.start() + len(surface)
        found.append(DateMention(match.start(), end, text[match.start() : end]))
    return found
