"""Cue anchors never drop a cue: every match of a cue pattern holds one of its anchors."""

from __future__ import annotations

import pytest

from nlp.cues import CuePattern, load_cues
from tests.nlp.anchor_texts import load_texts, missed, turkish_capitals


def all_patterns() -> list[CuePattern]:
    cues = load_cues()
    return [
        *(p for _, patterns in cues.types.values() for p in patterns),
        *cues.routine[1],
        *cues.hypothetical[1],
        *cues.malicious,
    ]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [v for text in load_texts() for v in (text, text.upper(), turkish_capitals(text))]


def test_most_cue_patterns_have_anchors() -> None:
    patterns = all_patterns()
    assert len(patterns) >= 60
    assert sum(1 for p in patterns if p.anchors) >= 0.9 * len(patterns)


def test_cue_anchors_hold_every_match(texts: list[str]) -> None:
    patterns = all_patterns()
    lost = {p.regex.pattern: missed(p.regex, p.anchors, texts) for p in patterns}
    assert {pattern: found for pattern, found in lost.items() if found} == {}
    matched = [p for p in patterns if any(p.regex.search(t) for t in texts)]
    assert len(matched) >= 40, "too few patterns match the texts for this test to prove much"


def test_a_skipped_pattern_finds_nothing() -> None:
    pattern = next(p for p in all_patterns() if "stolen" in p.regex.pattern)
    assert list(pattern.finditer("thieves stole it", "thieves stole it"))
    assert not list(pattern.finditer("thieves stole it", "no cue at all"))  # text not read


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Radyoaktif kaynak ÇALINDI", "theft"),
        ("KAÇAKÇILIK şüphesiyle", "trafficking_or_smuggling"),
        ("DIEBSTAHL einer Strahlenquelle", "theft"),
        ("СООБЩИЛИ О КРАЖЕ", "theft"),
    ],
)
def test_cues_in_capitals_still_found(text: str, kind: str) -> None:
    assert kind in {hit.kind for hit in load_cues().find(text)}
