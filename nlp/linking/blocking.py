"""Candidate pairs without comparing every pair: documents are candidates only if they
share a blocking key, a combination of specific evidence two reports of one incident
almost always share (nuclide and country, nuclide and place, a serial number, material
group and country within a time bucket).

Blocks larger than `max_block` are skipped: a key shared by that many documents is
generic (all Cs-137 reports from one country over the years) and would cost
max_block^2 / 2 comparisons while the finer keys of its documents (place, serial, time
bucket) already pair the reports that belong together. With k keys per document and
blocks capped at m, the number of pairs is at most n * k * m / 2: linear in n."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from itertools import combinations

from nlp.linking.evidence import DocumentEvidence
from nlp.linking.weights import FOLLOW_UP_DAYS

DEFAULT_MAX_BLOCK = 200
# Two buckets per document (its own and the next) pair any two dates in adjacent buckets:
# every pair of reports less than BUCKET_DAYS apart, most pairs up to 2 * BUCKET_DAYS.
BUCKET_DAYS = FOLLOW_UP_DAYS // 2
_EPOCH = date(1970, 1, 1)


def blocking_keys(evidence: DocumentEvidence) -> set[str]:
    keys = {f"serial:{s}" for s in evidence.serials}
    countries = evidence.countries or {"??"}
    for nuclide in evidence.nuclides:
        keys.update(f"nuclide:{nuclide}|country:{c}" for c in countries)
        keys.update(f"nuclide:{nuclide}|place:{p}" for p in evidence.places)
        keys.update(f"nuclide:{nuclide}|{b}" for b in _buckets(evidence.when))
    for group in evidence.material_groups or {"unknown"}:
        keys.update(
            f"group:{group}|country:{c}|{b}" for c in countries for b in _buckets(evidence.when)
        )
    keys.update(f"place:{p}|{b}" for p in evidence.places for b in _buckets(evidence.when))
    return keys


def _buckets(day: date | None) -> list[str]:
    if day is None:
        return []
    bucket = (day - _EPOCH).days // BUCKET_DAYS
    return [f"t:{bucket}", f"t:{bucket + 1}"]


def blocks(evidences: Sequence[DocumentEvidence]) -> dict[str, list[int]]:
    by_key: defaultdict[str, list[int]] = defaultdict(list)
    for i, evidence in enumerate(evidences):
        for key in blocking_keys(evidence):
            by_key[key].append(i)
    return dict(by_key)


def candidate_pairs(
    evidences: Sequence[DocumentEvidence], *, max_block: int = DEFAULT_MAX_BLOCK
) -> set[tuple[int, int]]:
    """Index pairs (i < j) sharing at least one key whose block is not generic."""
    return set(_pairs(blocks(evidences), max_block))


def _pairs(by_key: dict[str, list[int]], max_block: int) -> Iterator[tuple[int, int]]:
    for members in by_key.values():
        if 1 < len(members) <= max_block:
            yield from combinations(members, 2)
