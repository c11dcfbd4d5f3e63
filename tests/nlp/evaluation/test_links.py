"""Pairwise and B-cubed figures on hand-made clusterings."""

from __future__ import annotations

import pytest

from nlp.evaluation.links import Prf, bcubed, pairwise

GOLD = {"a": "1", "b": "1", "c": "1", "d": "2", "e": "3"}


def test_perfect_clustering() -> None:
    predicted = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "z"}
    assert pairwise(GOLD, predicted) == Prf(1.0, 1.0, 1.0)
    assert bcubed(GOLD, predicted) == Prf(1.0, 1.0, 1.0)


def test_a_split_cluster_costs_recall_only() -> None:
    predicted = {"a": "x", "b": "x", "c": "y", "d": "z", "e": "w"}
    figures = pairwise(GOLD, predicted)
    assert figures.precision == 1.0
    assert figures.recall == pytest.approx(1 / 3)  # a-b of a-b, a-c, b-c
    b3 = bcubed(GOLD, predicted)
    assert b3.precision == 1.0
    assert b3.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)


def test_a_false_link_costs_precision_only() -> None:
    predicted = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
    figures = pairwise(GOLD, predicted)
    assert figures == Prf(0.75, 1.0, pytest.approx(6 / 7))
    assert bcubed(GOLD, predicted).precision == pytest.approx((1 + 1 + 1 + 0.5 + 0.5) / 5)


def test_all_singletons_claim_nothing() -> None:
    predicted = {key: key for key in GOLD}
    assert pairwise(GOLD, predicted) == Prf(1.0, 0.0, 0.0)


def test_clusterings_of_different_documents_are_refused() -> None:
    with pytest.raises(ValueError, match="different documents"):
        pairwise(GOLD, {"a": "x"})
