"""Finds material and device mentions with the compiled rules (longest match wins)."""

from __future__ import annotations

from dataclasses import dataclass

from nlp.materials.patterns import Rule, RuleSet
from nlp.regex_literals import may_match

_KIND_RANK = {"isotope": 0, "form": 1, "device": 2}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    rule: Rule

    @property
    def canonical(self) -> str:
        return self.rule.canonical


def find_mentions(text: str, rules: RuleSet) -> tuple[list[Mention], list[Mention]]:
    """(material mentions, device mentions) in `text`, each list free of overlaps."""
    context_ok = {name: bool(regex.search(text)) for name, regex in rules.contexts.items()}
    folded = text.casefold()
    materials: list[Mention] = []
    devices: list[Mention] = []
    for rule in rules.rules:
        if rule.requires_context and not context_ok.get(rule.requires_context, False):
            continue
        if not may_match(rule.anchors, folded):
            continue
        target = devices if rule.kind == "device" else materials
        target.extend(
            Mention(m.start(), m.end(), rule)
            for m in rule.regex.finditer(text)
            if m.end() > m.start()
        )
    return _without_overlaps(_unprefixed(text, materials)), _without_overlaps(devices)


def _unprefixed(text: str, mentions: list[Mention]) -> list[Mention]:
    """Arabic proclitics (و "and", ب "with") are not part of the material's name."""
    return [
        Mention(m.start + 1, m.end, m.rule)
        if text[m.start] in "وب" and text[m.start + 1 : m.start + 3] in {"ال", "يو", "بل", "ثو"}
        else m
        for m in mentions
    ]


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    ranked = sorted(
        mentions,
        key=lambda m: (-(m.end - m.start), _KIND_RANK[m.rule.kind], -m.rule.confidence, m.start),
    )
    kept: list[Mention] = []
    for mention in ranked:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
