"""Syndicated copies: one story carried, lightly reworded, by several outlets. MinHash LSH
(datasketch) over word 3-shingles finds candidate copies without comparing every pair;
each candidate is then confirmed on the exact shingle Jaccard. A story group counts as one
source for credibility and is shown as one item with its outlets."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from datasketch import MinHash, MinHashLSH

from nlp.linking.cluster import UnionFind
from nlp.linking.evidence import DocumentEvidence
from nlp.linking.scoring import jaccard
from nlp.linking.weights import NEAR_DUPLICATE_JACCARD

NUM_PERM = 128
# The LSH threshold sits below the confirmed Jaccard so that few true copies are missed
# by the banding; the exact check removes the extra candidates.
LSH_THRESHOLD = 0.35
SEED = 1


@lru_cache(maxsize=1)
def _permutations() -> tuple[Any, Any]:
    """datasketch draws the permutations from the seed each time: once is enough."""
    prototype = MinHash(num_perm=NUM_PERM, seed=SEED)
    return prototype.permutations, prototype.scheme


def minhash(shingles: frozenset[str]) -> MinHash:
    permutations, scheme = _permutations()
    signature = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=permutations, scheme=scheme)
    signature.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return signature


def duplicate_pairs(evidences: Sequence[DocumentEvidence]) -> set[tuple[int, int]]:
    """Index pairs (i < j) whose texts are near-duplicates."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    pairs: set[tuple[int, int]] = set()
    for i, evidence in enumerate(evidences):
        signature = minhash(evidence.shingles)
        for j in lsh.query(signature):
            other = evidences[int(j)]
            if jaccard(evidence.shingles, other.shingles) >= NEAR_DUPLICATE_JACCARD:
                pairs.add((int(j), i))
        lsh.insert(str(i), signature)
    return pairs


def story_groups(evidences: Sequence[DocumentEvidence]) -> list[list[int]]:
    """Indexes of `evidences` grouped by story; every document is in exactly one group."""
    groups = UnionFind(len(evidences))
    for i, j in duplicate_pairs(evidences):
        groups.union(i, j)
    return groups.groups()
