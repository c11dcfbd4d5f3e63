"""Incident dates: the date tied to the incident, else the dateline's month; date mentions and
their normalisation in the four languages. All texts are synthetic."""

from __future__ import annotations

from datetime import date

import pytest

from nlp.date_mentions import find_date_mentions
from nlp.dates import normalise_date, resolve_without_year
from nlp.entity_findings import pattern_date_findings
from nlp.incident_date import incident_date
from nlp.pipeline import Extractor
from nlp.textutil import sentences
from tests.nlp.conftest import extract_one


def _incident(text: str, language: str = "en", reference: date | None = None) -> str | None:
    findings = pattern_date_findings(text, language, reference)
    segments = sentences(text)

    def sentence_of(offset: int) -> int:
        return next((i for i, s in enumerate(segments) if offset < s.end), len(segments) - 1)

    key = {i for i, s in enumerate(segments) if "stolen" in text[s.start : s.end]}
    _, evidence = incident_date(text, findings, sentence_of, key, reference)
    return evidence.note if evidence else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("VARNO, 14 March 2024 - A gauge was stolen on Monday from a site.", "2024-03"),
        ("Niamey, le 18 janvier 2024 – Une jauge a été stolen lundi.", "2024-01"),
        ("VARNO, March 14, 2024 - The camera was stolen on March 12 near the port.", "2024-03-12"),
        (
            "VARNO, 9 January 2025 - Records show the source was stolen on 28 December.",
            "2024-12-28",
        ),
        ("The source was stolen on 18 March 2025. He was jailed for fraud in 2019.", "2025-03-18"),
        (
            "Date: 2 May 2025\nA gauge was stolen last week. The hearing is on 30 June 2025.",
            "2025-05",
        ),
        (
            "Reporting date: 2025-05-20\nIncident date: 2025-05-16\n\nA gauge was stolen.",
            "2025-05-16",
        ),
        ("A radiography camera was reported stolen on the night of 2 October 2023.", "2023-10-02"),
        ("Nothing here says when the gauge was stolen.", None),
    ],
)
def test_incident_date(text: str, expected: str | None) -> None:
    assert _incident(text) == expected


def test_publication_date_places_a_date_without_year() -> None:
    text = "The gauge was stolen on viernes 10 de enero from the depot."
    assert _incident(text, "es", reference=date(2025, 1, 14)) == "2025-01-10"
    assert _incident(text, "es") is None  # no year anywhere: no date


@pytest.mark.parametrize(
    ("text", "mention", "iso"),
    [
        ("on the night of 2 October 2023.", "2 October 2023", "2023-10-02"),
        ("Friday 4 April 2025 at dawn", "Friday 4 April 2025", "2025-04-04"),
        ("dans la nuit du 7 au 8 novembre 2023, des", "7 au 8 novembre 2023", "2023-11"),
        ("وقعت فجر 5 آذار/مارس 2024 أثناء", "5 آذار/مارس 2024", "2024-03-05"),
        ("بين موقعين يوم ٨ سبتمبر ٢٠٢٤.", "٨ سبتمبر ٢٠٢٤", "2024-09-08"),
        ("بين 22 إلى 23 مايو 2025", "22 إلى 23 مايو 2025", "2025-05"),
        ("the 7-8 November 2023 raids", "7-8 November 2023", "2023-11"),
    ],
)
def test_date_mentions_and_normalisation(text: str, mention: str, iso: str) -> None:
    found = find_date_mentions(text)
    assert [m.text for m in found] == [mention]
    language = "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"
    parsed = normalise_date(found[0].text, language)
    assert parsed is not None and parsed.iso == iso


def test_weekdays_are_date_mentions_but_names_are_not() -> None:
    text = "lundi matin, mardi dernier, el viernes pasado, مساء السبت; Domingo Pérez"
    found = [m.text for m in find_date_mentions(text)]
    assert found == ["lundi matin", "mardi dernier", "viernes pasado", "مساء السبت"]


def test_dates_without_year() -> None:
    reference = date(2024, 3, 14)
    resolved = resolve_without_year("March 12", reference)
    assert resolved is not None and resolved.iso == "2024-03-12"
    december = resolve_without_year("12 décembre", reference)
    assert december is not None and december.iso == "2023-12-12"
    assert resolve_without_year("March 30", reference) is None  # weeks ahead: not an event
    assert resolve_without_year("Monday", reference) is None


def test_spacy_date_widened_to_its_day(extractor: Extractor) -> None:
    result = extract_one(
        extractor,
        "A moisture gauge with Cs-137 was stolen from a van on the night of 2 October 2023.",
    )
    dates = [(f.text, f.normalized) for f in result.findings if f.label == "DATE"]
    assert dates == [("2 October 2023", "2023-10-02")]
    assert result.assessment.incident_date == date(2023, 10, 2)
