"""Scored pairs to incidents. Plain union-find would chain: one weak bridge (a vague
"Cs-137 stolen in Spain") joins two confusable incidents. So clusters merge average-link:
an edge at or above the threshold merges two clusters only if the mean score over all
their cross pairs (pairs never scored count 0) reaches MIN_AVERAGE of the threshold."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from nlp.linking.weights import LINK_THRESHOLD

MIN_AVERAGE = 0.8  # of the threshold: a bridge to one member of a cluster is not enough

Pair = tuple[int, int]


class UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, left: int, right: int) -> None:
        self.parent[self.find(left)] = self.find(right)

    def groups(self) -> list[list[int]]:
        members: dict[int, list[int]] = {}
        for item in range(len(self.parent)):
            members.setdefault(self.find(item), []).append(item)
        return sorted(members.values())


def form_clusters(
    size: int,
    scores: Mapping[Pair, float],
    *,
    threshold: float = LINK_THRESHOLD,
    groups: Iterable[Sequence[int]] = (),
) -> list[list[int]]:
    """Clusters of the items 0..size-1. `scores` maps (i, j), i < j, to a link score;
    `groups` (story groups, confirmed links) start merged."""
    members: dict[int, list[int]] = {i: [i] for i in range(size)}
    owner = list(range(size))
    for group in groups:
        for item in group[1:]:
            _merge(members, owner, owner[group[0]], owner[item])
    for (i, j), score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < threshold:
            break
        left, right = owner[i], owner[j]
        if left != right and _average(members[left], members[right], scores) >= (
            MIN_AVERAGE * threshold
        ):
            _merge(members, owner, left, right)
    return sorted(sorted(m) for m in members.values())


def _merge(members: dict[int, list[int]], owner: list[int], keep: int, gone: int) -> None:
    if keep == gone:
        return
    for item in members[gone]:
        owner[item] = keep
    members[keep].extend(members.pop(gone))


def _average(left: Sequence[int], right: Sequence[int], scores: Mapping[Pair, float]) -> float:
    total = sum(scores.get((min(i, j), max(i, j)), 0.0) for i in left for j in right)
    return total / (len(left) * len(right))
