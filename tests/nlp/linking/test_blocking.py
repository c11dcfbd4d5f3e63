"""Blocking keys pair the reports of one incident and keep the pair count near-linear."""

from __future__ import annotations

import random
from datetime import date, timedelta

from nlp.linking.blocking import (
    COARSE_MAX_BLOCK,
    COARSE_PREFIX,
    blocking_keys,
    blocks,
    candidate_pairs,
)
from nlp.linking.evidence import DocumentEvidence
from tests.factories import link_evidence

MAX_BLOCK = 50


def synthetic(count: int, seed: int = 7) -> list[DocumentEvidence]:
    """Reports arriving at a steady five a day over the years, as a live feed does: the
    data grows in time, not in density."""
    rng = random.Random(seed)
    nuclides = ["Cs-137", "Co-60", "Ir-192", "Am-241/Be", "Se-75", "Sr-90", "Ra-226", "HEU"]
    countries = [f"C{i:02d}" for i in range(40)]
    start = date(2015, 1, 1)
    evidences = []
    for i in range(count):
        country = rng.choice(countries)
        evidences.append(
            link_evidence(
                str(i),
                nuclides=[rng.choice(nuclides)],
                material_groups=["radioactive_source"],
                countries=[country],
                places=[f"{country}-city{rng.randrange(15)}"],
                incident_date=start + timedelta(days=i // 5),
                serials=[f"s{rng.randrange(10**9)}"] if rng.random() < 0.2 else [],
            )
        )
    return evidences


def test_pair_count_grows_linearly_on_20000_documents() -> None:
    small, large = synthetic(5_000), synthetic(20_000)
    small_pairs = len(candidate_pairs(small, max_block=MAX_BLOCK))
    large_pairs = len(candidate_pairs(large, max_block=MAX_BLOCK))
    keys = max(len(blocking_keys(e)) for e in large)
    assert large_pairs <= len(large) * keys * MAX_BLOCK / 2  # the bound in the docstring
    assert large_pairs < 4.5 * small_pairs  # 4 times the documents, about 4 times the pairs
    assert large_pairs < len(large) * 40  # a few dozen candidates each, not 20,000


def test_generic_blocks_are_skipped() -> None:
    same = {"nuclides": ["Cs-137"], "countries": ["US"], "incident_date": "2025-01-01"}
    evidences = [link_evidence(str(i), **same) for i in range(6)]
    assert len(candidate_pairs(evidences, max_block=6)) == 15
    assert candidate_pairs(evidences, max_block=5) == set()


def test_a_follow_up_within_the_window_shares_a_key() -> None:
    theft = link_evidence("a", nuclides=["Ir-192"], places=["lyon"], incident_date="2025-01-01")
    found = link_evidence("b", nuclides=["Ir-192"], places=["lyon"], incident_date="2025-06-29")
    assert blocking_keys(theft) & blocking_keys(found)
    assert candidate_pairs([theft, found]) == {(0, 1)}


def test_a_serial_pairs_reports_without_any_other_evidence() -> None:
    left = link_evidence("a", serials=["gr7781"], incident_date="2020-01-01")
    right = link_evidence("b", serials=["gr7781"])
    assert blocks([left, right])["serial:gr7781"] == [0, 1]
    assert candidate_pairs([left, right]) == {(0, 1)}


def test_coarse_keys_span_a_month_and_have_a_lower_cap() -> None:
    """Same nuclide and country months apart, no place or serial in common: no follow-up
    can link them (scoring), so no coarse key pairs them either."""
    theft = link_evidence("a", nuclides=["Cs-137"], countries=["FR"], incident_date="2025-02-11")
    week = link_evidence("b", nuclides=["Cs-137"], countries=["FR"], incident_date="2025-02-18")
    months = link_evidence("c", nuclides=["Cs-137"], countries=["FR"], incident_date="2025-06-03")
    assert candidate_pairs([theft, week, months]) == {(0, 1)}
    same = {"nuclides": ["Cs-137"], "countries": ["FR"], "incident_date": "2025-02-11"}
    crowd = [link_evidence(str(i), **same) for i in range(COARSE_MAX_BLOCK + 1)]
    assert all(key.startswith(COARSE_PREFIX) for key in blocking_keys(crowd[0]))
    assert candidate_pairs(crowd) == set()
    assert len(candidate_pairs(crowd[:COARSE_MAX_BLOCK])) == COARSE_MAX_BLOCK * 49 // 2
