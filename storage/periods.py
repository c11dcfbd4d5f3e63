"""Reporting periods of threat assessments: a year ("2026"), a quarter ("2026-Q3") or a
month ("2026-09"), each with the previous period of equal length to compare against."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class PeriodKind(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"


PATTERNS = {
    PeriodKind.YEAR: re.compile(r"(?P<year>\d{4})"),
    PeriodKind.QUARTER: re.compile(r"(?P<year>\d{4})-[Qq](?P<quarter>[1-4])"),
    PeriodKind.MONTH: re.compile(r"(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])"),
}
MONTHS = {PeriodKind.YEAR: 12, PeriodKind.QUARTER: 3, PeriodKind.MONTH: 1}


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    start: date  # first day
    end: date  # last day, inclusive

    @property
    def label(self) -> str:
        if self.kind == PeriodKind.YEAR:
            return f"{self.start.year}"
        if self.kind == PeriodKind.QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start.year}-{self.start.month:02d}"

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return self.label


def _first_of(year: int, month: int) -> date:
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def _period(kind: PeriodKind, year: int, first_month: int) -> Period:
    start = _first_of(year, first_month)
    after = _first_of(year, first_month + MONTHS[kind])
    return Period(kind, start, after - timedelta(days=1))


def parse_period(text: str) -> Period:
    """The period `text` names; ValueError says what is accepted."""
    value = text.strip()
    for kind, pattern in PATTERNS.items():
        match = pattern.fullmatch(value)
        if match is None:
            continue
        year = int(match["year"])
        if kind == PeriodKind.QUARTER:
            return _period(kind, year, (int(match["quarter"]) - 1) * 3 + 1)
        if kind == PeriodKind.MONTH:
            return _period(kind, year, int(match["month"]))
        return _period(kind, year, 1)
    raise ValueError(f"not a period: {text!r} (write 2026, 2026-Q3 or 2026-09)")


def previous_period(period: Period) -> Period:
    """The period of the same kind just before: 2026-Q3 -> 2026-Q2, 2026-01 -> 2025-12."""
    months = MONTHS[period.kind]
    month_index = period.start.year * 12 + period.start.month - 1 - months
    return _period(period.kind, month_index // 12, month_index % 12 + 1)


def next_period(period: Period) -> Period:
    month_index = period.start.year * 12 + period.start.month - 1 + MONTHS[period.kind]
    return _period(period.kind, month_index // 12, month_index % 12 + 1)


def last_complete_period(kind: PeriodKind, today: date) -> Period:
    """The latest period of this kind that ended before `today` (what a schedule drafts)."""
    current = _period(kind, today.year, 1)
    while next_period(current).start <= today:
        current = next_period(current)
    return previous_period(current)
