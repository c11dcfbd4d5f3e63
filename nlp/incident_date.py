"""When the incident happened. A date the text ties to the incident wins; otherwise the month
of the report's dateline, because "HOUSTON, March 14, 2024 — ... on Monday" tells the month of
the incident but not its day. A dateline or publication date also places dates written without
a year ("March 12", "viernes 10 de enero") and marks years long before it as background."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from nlp.dates import NormalisedDate, normalise_date, resolve_without_year
from nlp.textutil import normalise_chars
from nlp.types import EvidenceSpan, FindingDraft
from nlp.vocabulary import EvidenceDecision, Label

DATELINE_WINDOW = 200  # characters from the start of the text
BACKGROUND_DAYS = 366  # a date this long before the report is history, not the incident
_LABELLED = re.compile(
    r"(?i)(?:incident date|date of (?:the )?incident|date de l'incident|date des faits|"
    r"fecha del incidente|fecha de los hechos|تاريخ الحادث|تاريخ الواقعة)\s*:?\s*$"
)
_DATELINE_AFTER = re.compile(r"\s*(?:-|\n|$)")
_DATELINE_BEFORE = re.compile(r"(?i)(?:date|fecha|reporting date|تاريخ)\s*:?\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s")


@dataclass(frozen=True)
class _Candidate:
    finding: FindingDraft
    when: NormalisedDate
    key: bool


def incident_date(
    text: str,
    findings: Sequence[FindingDraft],
    sentence_of: Callable[[int], int],
    key_sentences: set[int],
    reference: date | None = None,
) -> tuple[date | None, EvidenceSpan | None]:
    """`reference` is the publication date when known; `key_sentences` are the sentences
    that speak of the material or the incident."""
    dates = sorted((f for f in findings if f.label == Label.DATE), key=lambda f: f.start)
    labelled = next((f for f in dates if f.normalized and _is_labelled(text, f)), None)
    if labelled is not None:
        return _result(labelled, str(labelled.normalized))
    dateline = _dateline(text, dates)
    anchor = _parse(dateline) if dateline else None
    reference = anchor.value if anchor else reference
    candidates = [
        _Candidate(f, when, sentence_of(f.start) in key_sentences)
        for f in dates
        if f is not dateline and (when := _when(f, reference)) is not None
    ]
    latest = reference or max((c.when.value for c in candidates), default=None)
    candidates = [c for c in candidates if latest is None or _plausible(c.when, latest)]
    best = max(candidates, key=_score, default=None)
    if best is not None and (best.key or dateline is None):
        return _result(best.finding, best.when.iso, best.when)
    if dateline is not None and anchor is not None:
        return _result(dateline, anchor.iso[:7])
    return None, None


def _is_labelled(text: str, finding: FindingDraft) -> bool:
    line_start = text.rfind("\n", 0, finding.start) + 1
    return bool(_LABELLED.search(text[line_start : finding.start]))


def _dateline(text: str, dates: Sequence[FindingDraft]) -> FindingDraft | None:
    """A full date at the head of the text: "Niamey, le 18 janvier 2024 –", "Date: ..."."""
    for finding in dates:
        if finding.start > DATELINE_WINDOW:
            return None
        parsed = _parse(finding)
        if parsed is None or parsed.period != "day":
            continue
        line_start = text.rfind("\n", 0, finding.start) + 1
        before = text[line_start : finding.start]
        after = normalise_chars(text[finding.end : finding.end + 4])
        if _SENTENCE_BREAK.search(before):
            continue
        if _DATELINE_AFTER.match(after) or _DATELINE_BEFORE.search(before):
            return finding
    return None


def _parse(finding: FindingDraft) -> NormalisedDate | None:
    return normalise_date(str(finding.normalized), "en") if finding.normalized else None


def _when(finding: FindingDraft, reference: date | None) -> NormalisedDate | None:
    if finding.normalized:
        return _parse(finding)
    return resolve_without_year(finding.text, reference) if reference else None


def _plausible(when: NormalisedDate, latest: date) -> bool:
    """Not after the report, and not long before it."""
    return when.value <= latest and (latest - when.value).days <= BACKGROUND_DAYS


def _score(candidate: _Candidate) -> tuple[int, int, int]:
    precision = {"day": 2, "month": 1}.get(candidate.when.period, 0)
    return int(candidate.key), precision, -candidate.finding.start


def _result(
    finding: FindingDraft, iso: str, when: NormalisedDate | None = None
) -> tuple[date, EvidenceSpan]:
    value = when.value if when is not None else _first_day(iso)
    return value, EvidenceSpan(EvidenceDecision.INCIDENT_DATE, finding.start, finding.end, iso)


def _first_day(iso: str) -> date:
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])
