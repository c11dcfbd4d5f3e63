"""Rule anchors never drop a match: every match of a rule holds one of its anchors, casefolded.

find_mentions skips a rule when none of its anchors is in the casefolded text, so an anchor
missing from a real match would lose a finding without any other sign."""

from __future__ import annotations

import pytest

from nlp.materials.matching import find_mentions
from nlp.materials.patterns import Rule, load_rules
from nlp.regex_literals import required_literals
from tests.nlp.anchor_texts import TEXT_FILES, load_texts, missed, turkish_capitals


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [variant for text in load_texts() for variant in (text, text.upper())]


@pytest.fixture(scope="module")
def turkish_texts() -> list[str]:
    return [turkish_capitals(text) for text in load_texts()]


def derived(rule: Rule) -> bool:
    return rule.anchors == required_literals(rule.regex)


def test_the_texts_are_there() -> None:
    assert len(TEXT_FILES) >= 7
    assert len(load_texts()) > 300


def test_every_rule_has_anchors() -> None:
    assert all(rule.anchors for rule in load_rules().rules)


def test_anchors_hold_every_match(texts: list[str]) -> None:
    rules = load_rules().rules
    lost = {rule.name: missed(rule.regex, rule.anchors, texts) for rule in rules}
    assert {name: found for name, found in lost.items() if found} == {}
    matched = {rule.name for rule in rules if any(rule.regex.search(t) for t in texts)}
    assert len(matched) >= 60, "too few rules match the texts for this test to prove much"


def test_derived_anchors_hold_in_turkish_capitals(turkish_texts: list[str]) -> None:
    rules = [rule for rule in load_rules().rules if derived(rule)]
    assert len(rules) >= 59
    lost = {rule.name: missed(rule.regex, rule.anchors, turkish_texts) for rule in rules}
    assert {name: found for name, found in lost.items() if found} == {}


def test_explicit_anchors_hold_in_turkish_capitals(turkish_texts: list[str]) -> None:
    rules = [rule for rule in load_rules().rules if not derived(rule)]
    assert not any(missed(rule.regex, rule.anchors, turkish_texts) for rule in rules)


def test_a_wrong_anchor_is_caught(texts: list[str]) -> None:
    rule = next(r for r in load_rules().rules if r.name == "form uranium")
    assert missed(rule.regex, ("no such anchor",), texts)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("YÜKSEK ZENGİNLEŞTİRİLMİŞ URANYUM ele geçirildi", "HEU"),
        ("yüksek zenginleştirilmiş uranyum ele geçirildi", "HEU"),
        ("SİLAH SINIFI URANYUM", "HEU"),
        ("Bir IŞINLAYICI çalındı", "irradiator"),
        ("bir ışınlayıcı çalındı", "irradiator"),
        ("İRİDYUM-192 kaynağı", "Ir-192"),
        ("iridyum-192 kaynağı", "Ir-192"),
    ],
)
def test_turkish_capitals_still_found(text: str, canonical: str) -> None:
    materials, devices = find_mentions(text, load_rules())
    assert canonical in {m.canonical for m in [*materials, *devices]}
