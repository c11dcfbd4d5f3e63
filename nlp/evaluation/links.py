"""Clustering metrics for incident linking: pairwise and B-cubed precision, recall, F1.
A clustering maps each document id to a cluster label; both must cover the same ids."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True)
class Prf:
    precision: float
    recall: float
    f1: float


def _prf(precision: float, recall: float) -> Prf:
    total = precision + recall
    return Prf(precision, recall, 2 * precision * recall / total if total else 0.0)


def _linked_pairs(clustering: Mapping[str, str]) -> set[tuple[str, str]]:
    members: defaultdict[str, list[str]] = defaultdict(list)
    for item, label in clustering.items():
        members[label].append(item)
    return {pair for group in members.values() for pair in combinations(sorted(group), 2)}


def pairwise(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Prf:
    """Over pairs of documents put in one incident. With no pair on a side, its measure is 1
    (nothing claimed, nothing missed)."""
    _same_items(gold, predicted)
    truth, claimed = _linked_pairs(gold), _linked_pairs(predicted)
    correct = len(truth & claimed)
    return _prf(correct / len(claimed) if claimed else 1.0, correct / len(truth) if truth else 1.0)


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Prf:
    """Per document: the share of its predicted cluster that is in its gold cluster
    (precision) and of its gold cluster that is in its predicted cluster (recall), averaged."""
    _same_items(gold, predicted)
    if not gold:
        return _prf(1.0, 1.0)
    gold_sets, predicted_sets = _sets(gold), _sets(predicted)
    precision = recall = 0.0
    for item in gold:
        truth, claimed = gold_sets[gold[item]], predicted_sets[predicted[item]]
        common = len(truth & claimed)
        precision += common / len(claimed)
        recall += common / len(truth)
    return _prf(precision / len(gold), recall / len(gold))


def _sets(clustering: Mapping[str, str]) -> dict[str, set[str]]:
    sets: defaultdict[str, set[str]] = defaultdict(set)
    for item, label in clustering.items():
        sets[label].add(item)
    return dict(sets)


def _same_items(gold: Mapping[str, str], predicted: Mapping[str, str]) -> None:
    if set(gold) != set(predicted):
        raise ValueError("gold and predicted clusterings cover different documents")
