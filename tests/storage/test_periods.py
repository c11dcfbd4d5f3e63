from __future__ import annotations

from datetime import date

import pytest

from storage.periods import (
    PeriodKind,
    last_complete_period,
    next_period,
    parse_period,
    previous_period,
)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026-q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        (" 2026-12 ", date(2026, 12, 1), date(2026, 12, 31)),
    ],
)
def test_parse_period(text: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)
    assert parse_period(period.label) == period


@pytest.mark.parametrize("text", ["", "26", "2026-Q5", "2026-13", "2026-00", "Q3 2026", "2026-9"])
def test_bad_period_says_what_is_accepted(text: str) -> None:
    with pytest.raises(ValueError, match="2026-Q3"):
        parse_period(text)


@pytest.mark.parametrize(
    ("text", "previous", "following"),
    [
        ("2026-Q1", "2025-Q4", "2026-Q2"),
        ("2026-01", "2025-12", "2026-02"),
        ("2026-12", "2026-11", "2027-01"),
        ("2026", "2025", "2027"),
    ],
)
def test_previous_and_next_have_equal_length(text: str, previous: str, following: str) -> None:
    period = parse_period(text)
    assert previous_period(period).label == previous
    assert next_period(period).label == following
    assert date(2026, 1, 1) in parse_period("2026")


def test_last_complete_period() -> None:
    assert last_complete_period(PeriodKind.MONTH, date(2026, 12, 2)).label == "2026-11"
    assert last_complete_period(PeriodKind.MONTH, date(2026, 1, 1)).label == "2025-12"
    assert last_complete_period(PeriodKind.QUARTER, date(2026, 12, 2)).label == "2026-Q3"
    assert last_complete_period(PeriodKind.YEAR, date(2026, 12, 2)).label == "2025"
