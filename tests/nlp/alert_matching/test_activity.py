"""Decay compatibility: the DOMAIN example, the index that finds it, and what it rejects."""

from __future__ import annotations

from datetime import date

import pytest

from nlp.alert_matching.activity import INDEX_TOLERANCE, check_decay, decay_index, format_bq

STOLEN = date(2026, 1, 1)


def test_ir192_after_150_days_holds_about_a_quarter() -> None:
    # DOMAIN.md: a stolen 1.2 TBq Ir-192 source reported 150 days later holds about 0.29 TBq.
    check = check_decay("Ir-192", 1.2e12, STOLEN, 0.29e12, date(2026, 5, 31))
    assert check.expected_bq == pytest.approx(0.29e12, rel=0.02)
    assert check.compatible
    assert check.describe() == (
        "expected 293 GBq on 2026-05-31 (Ir-192, 73.83 d) — reported 290 GBq ✓"
    )


@pytest.mark.parametrize("reported", [1.2e12, 0.1e12, 0.6e12])
def test_activity_decay_cannot_explain_is_incompatible(reported: float) -> None:
    # The undecayed value, and other sources' activities, are out of tolerance.
    assert not check_decay("Ir-192", 1.2e12, STOLEN, reported, date(2026, 5, 31)).compatible


def test_long_lived_sources_barely_change() -> None:
    check = check_decay("Cs-137", 3.0e8, date(2019, 6, 1), 2.6e8, date(2026, 4, 1))
    assert check.compatible and check.expected_bq == pytest.approx(2.57e8, rel=0.01)


def test_decay_index_is_the_same_for_every_report_of_one_source() -> None:
    later = date(2026, 5, 31)
    expected = check_decay("Ir-192", 1.2e12, STOLEN, 1.0, later).expected_bq
    assert decay_index("Ir-192", 1.2e12, STOLEN) == pytest.approx(
        decay_index("Ir-192", expected, later)
    )
    other = decay_index("Ir-192", expected * 2, later) - decay_index("Ir-192", 1.2e12, STOLEN)
    assert other > INDEX_TOLERANCE


def test_format_bq_picks_the_unit() -> None:
    assert [format_bq(v) for v in (1.52e12, 3.7e10, 4.2e5)] == ["1.52 TBq", "37 GBq", "420 kBq"]
