"""Candidate pairs without comparing every pair: documents are candidates only if they
share a blocking key, a combination of specific evidence two reports of one incident
almost always share: a serial number, or within a time bucket the place, nuclide and
place, and (coarse keys) nuclide and country, nuclide alone, material group and country.

Blocks larger than their cap are skipped: a key shared by that many documents is generic
(all Cs-137 reports from one country over the years) and would cost cap^2 / 2 comparisons
while the finer keys of its documents (place, serial) already pair the reports that belong
together. With k keys per document and blocks capped at m, the number of pairs is at most
n * k * m / 2: linear in n.

Coarse keys get a short time bucket and a low cap. A follow-up months later links only
when it names the same item (serial) or place (nlp.linking.scoring): those keys span
FOLLOW_UP_DAYS. Two reports sharing neither are one incident only when they are close in
time (the reporting lag), so a coarse key spans COARSE_BUCKET_DAYS; without that, "Cs-137
in France over six months" would be one big block at scale."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from itertools import combinations

from nlp.linking.evidence import DocumentEvidence
from nlp.linking.weights import FOLLOW_UP_DAYS, REPORTING_LAG_DAYS

DEFAULT_MAX_BLOCK = 200
COARSE_MAX_BLOCK = 50
COARSE_PREFIX = "coarse:"
# Each document takes its own bucket and the next: two reports less than BUCKET_DAYS
# apart always share one (the earlier's next is the later's own, or they share their
# own), so a follow-up within FOLLOW_UP_DAYS is always a candidate.
BUCKET_DAYS = FOLLOW_UP_DAYS
COARSE_BUCKET_DAYS = 30
assert COARSE_BUCKET_DAYS > REPORTING_LAG_DAYS  # reports within the lag share a bucket
_EPOCH = date(1970, 1, 1)


def blocking_keys(evidence: DocumentEvidence) -> set[str]:
    """Serial keys, and keys within a time bucket: reports of one incident are at most
    FOLLOW_UP_DAYS apart, so keys without time would only grow blocks. A document without
    any date gets the keys without a bucket."""
    countries = evidence.countries or {"??"}
    specific = [f"nuclide:{n}|place:{p}" for n in evidence.nuclides for p in evidence.places]
    specific += [f"place:{p}" for p in evidence.places]
    coarse = [f"nuclide:{n}|country:{c}" for n in evidence.nuclides for c in countries]
    # Alone, the nuclide pairs reports whose countries and places the gazetteer missed or
    # got wrong; for common nuclides the block exceeds its cap at scale and is skipped.
    coarse += [f"nuclide:{n}" for n in evidence.nuclides]
    groups = evidence.material_groups or {"unknown"}
    coarse += [f"group:{g}|country:{c}" for g in groups for c in countries]
    keys = {f"serial:{s}" for s in evidence.serials}
    keys.update(f"{key}|{b}" for key in specific for b in _buckets(evidence.when, BUCKET_DAYS))
    keys.update(
        f"{COARSE_PREFIX}{key}|{b}"
        for key in coarse
        for b in _buckets(evidence.when, COARSE_BUCKET_DAYS)
    )
    return keys


def block_cap(key: str) -> int:
    """The most documents a block of this key may hold before it counts as generic."""
    return COARSE_MAX_BLOCK if key.startswith(COARSE_PREFIX) else DEFAULT_MAX_BLOCK


def _buckets(day: date | None, days: int) -> list[str]:
    if day is None:
        return ["t:none"]
    bucket = (day - _EPOCH).days // days
    return [f"t:{bucket}", f"t:{bucket + 1}"]


def blocks(evidences: Sequence[DocumentEvidence]) -> dict[str, list[int]]:
    by_key: defaultdict[str, list[int]] = defaultdict(list)
    for i, evidence in enumerate(evidences):
        for key in blocking_keys(evidence):
            by_key[key].append(i)
    return dict(by_key)


def candidate_pairs(
    evidences: Sequence[DocumentEvidence], *, max_block: int | None = None
) -> set[tuple[int, int]]:
    """Index pairs (i < j) sharing at least one key whose block is not generic (at most
    `block_cap(key)` documents, or `max_block` for every key when given)."""
    return set(_pairs(blocks(evidences), max_block))


def _pairs(by_key: dict[str, list[int]], cap: int | None) -> Iterator[tuple[int, int]]:
    for key, members in by_key.items():
        if 1 < len(members) <= (cap or block_cap(key)):
            yield from combinations(members, 2)
