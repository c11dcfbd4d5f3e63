"""Is an activity reported on one date compatible with a source's activity quoted on another,
after radioactive decay? A(t) = A0 * 2^(-t / T1/2), with the half-lives (and their source) of
nlp/linking/data/half-lives-v1.yaml through nlp.linking.decay.

Reports round activities ("1.5 TBq") and quote nominal values, so a factor of TOLERANCE either
way is accepted; another source of the same nuclide usually differs by more.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from nlp.linking.decay import decayed, half_lives_days

TOLERANCE = 1.25  # reported / expected within [1/1.25, 1.25]
EPOCH = date(2000, 1, 1)
UNITS = (("TBq", 1e12), ("GBq", 1e9), ("MBq", 1e6), ("kBq", 1e3), ("Bq", 1.0))


@dataclass(frozen=True)
class DecayCheck:
    """The alert's activity carried to the document's date, beside what the document says."""

    nuclide: str
    reference_bq: float
    reference_date: date
    report_date: date
    expected_bq: float
    reported_bq: float
    half_life_days: float | None
    compatible: bool

    @property
    def ratio(self) -> float:
        return self.reported_bq / self.expected_bq if self.expected_bq else math.inf

    def describe(self) -> str:
        """ "expected 1.52 TBq on 2026-05-03 (Ir-192, 73.83 d) — reported 1.5 TBq ✓"."""
        half_life = f", {self.half_life_days:g} d" if self.half_life_days else ""
        mark = "✓" if self.compatible else "✗"
        return (
            f"expected {format_bq(self.expected_bq)} on {self.report_date.isoformat()} "
            f"({self.nuclide}{half_life}) — reported {format_bq(self.reported_bq)} {mark}"
        )


def check_decay(
    nuclide: str, reference_bq: float, reference_date: date, reported_bq: float, report_date: date
) -> DecayCheck:
    expected = decayed(reference_bq, nuclide, reference_date, report_date)
    ratio = reported_bq / expected if expected > 0 else math.inf
    return DecayCheck(
        nuclide=nuclide,
        reference_bq=reference_bq,
        reference_date=reference_date,
        report_date=report_date,
        expected_bq=expected,
        reported_bq=reported_bq,
        half_life_days=half_lives_days().get(nuclide),
        compatible=1 / TOLERANCE <= ratio <= TOLERANCE,
    )


def decay_index(nuclide: str, becquerel: float, on: date) -> float:
    """log2 of the activity carried back to EPOCH: the same for every report of one source
    whatever its date, so a database index can find compatible sources by range
    (within +/- log2(TOLERANCE))."""
    half_life = half_lives_days().get(nuclide)
    elapsed = (on - EPOCH).days / half_life if half_life else 0.0
    return math.log2(becquerel) + elapsed


INDEX_TOLERANCE = math.log2(TOLERANCE)


def format_bq(becquerel: float) -> str:
    for unit, factor in UNITS:
        if becquerel >= factor:
            return f"{becquerel / factor:.3g} {unit}"
    return f"{becquerel:.3g} Bq"
