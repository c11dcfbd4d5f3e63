"""Syndicated copies form one story group; different stories on one subject do not."""

from __future__ import annotations

import json
from pathlib import Path

from nlp.linking.duplicates import story_groups
from nlp.linking.evidence import LinkDocument, evidence_from

GOLD = Path(__file__).parents[3] / "evaluation" / "links" / "gold.jsonl"


def test_syndicated_copies_are_one_story_and_other_stories_stay_apart() -> None:
    records = {r["id"]: r for r in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())}
    chosen = ["c01a", "c02a", "c01b", "c04a", "c05a", "c04b", "c01c"]
    evidences = [
        evidence_from(
            LinkDocument(id=i, text=records[i]["text"], language="en", title=records[i]["title"]),
            [],
        )
        for i in chosen
    ]
    groups = [[chosen[i] for i in group] for group in story_groups(evidences)]
    # c01c is the same incident in Spanish: a link for scoring, not a copy of the story.
    assert sorted(groups) == [["c01a", "c01b"], ["c01c"], ["c02a"], ["c04a", "c04b"], ["c05a"]]
