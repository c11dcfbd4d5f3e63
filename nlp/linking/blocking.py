"""Candidate pairs without comparing every pair: documents are candidates only if they
share a blocking key, a combination of specific evidence two reports of one incident
almost always share: a serial number, or within a time bucket nuclide and country,
nuclide and place, place, nuclide alone, material group and country.

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
# Each document takes its own bucket and the next: two reports less than BUCKET_DAYS
# apart always share one (the earlier's next is the later's own, or they share their
# own), so a follow-up within FOLLOW_UP_DAYS is always a candidate.
BUCKET_DAYS = FOLLOW_UP_DAYS
_EPOCH = date(1970, 1, 1)


def blocking_keys(evidence: DocumentEvidence) -> set[str]:
    """Serial keys, and specific keys within a time bucket: reports of one incident are
    at most FOLLOW_UP_DAYS apart, so keys without time would only grow blocks. A document
    without any date gets the keys without a bucket."""
    buckets = _buckets(evidence.when)
    countries = evidence.countries or {"??"}
    specific = [f"nuclide:{n}|country:{c}" for n in evidence.nuclides for c in countries]
    specific += [f"nuclide:{n}|place:{p}" for n in evidence.nuclides for p in evidence.places]
    specific += [f"place:{p}" for p in evidence.places]
    # Alone, the nuclide pairs reports whose countries and places the gazetteer missed or
    # got wrong; for common nuclides the block exceeds max_block at scale and is skipped.
    specific += [f"nuclide:{n}" for n in evidence.nuclides]
    groups = evidence.material_groups or {"unknown"}
    specific += [f"group:{g}|country:{c}" for g in groups for c in countries]
    keys = {f"serial:{s}" for s in evidence.serials}
    keys.update(f"{key}|{bucket}" for key in specific for bucket in buckets)
    return keys


def _buckets(day: date | None) -> list[str]:
    if day is None:
        return ["t:none"]
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
