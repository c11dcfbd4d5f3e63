"""Average-link clustering: one weak bridge cannot chain two confusable incidents."""

from __future__ import annotations

from nlp.linking.cluster import UnionFind, form_clusters


def test_a_bridge_to_two_incidents_joins_only_one() -> None:
    # 0-1 one theft, 2-3 another; 4 is a vague report scoring just above the threshold
    # with both incidents.
    scores = {(0, 1): 0.9, (2, 3): 0.9, (0, 4): 0.55, (1, 4): 0.5, (2, 4): 0.52, (3, 4): 0.5}
    clusters = form_clusters(5, scores, threshold=0.5)
    assert clusters == [[0, 1, 4], [2, 3]]


def test_plain_union_find_would_have_chained_them() -> None:
    chained = UnionFind(5)
    for left, right in [(0, 1), (2, 3), (0, 4), (2, 4)]:
        chained.union(left, right)
    assert chained.groups() == [[0, 1, 2, 3, 4]]


def test_story_groups_start_merged_and_weak_pairs_stay_apart() -> None:
    assert form_clusters(4, {(2, 3): 0.2}, groups=[[0, 1]]) == [[0, 1], [2], [3]]
