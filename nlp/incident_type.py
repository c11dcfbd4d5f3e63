"""The ITDB incident type, read from the incident's own sentences: who did what with the material.

Type cues (nlp/data/cues-*.yaml) count where the incident is told: in a sentence that names the
material (a MATERIAL finding or a phrase such as "radioactive substance"), its neighbours and the
lede, the lede weighted up. A cue elsewhere counts for little, a hedged one ("could be used in a
dirty bomb") for less. Then precedence rules decide between types that are both present
(evaluation/GUIDELINES.md, "Incident types"): scam over trafficking and possession, trafficking
over possession, theft over loss and orphan finds, loss over orphan finds, and an attack only
with an attack cue in the material's own sentence, outside boilerplate and hedges. The rule
lists are data (nlp/data/incident-types-v1.yaml), keyed by language."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nlp.cues import CueHit
from nlp.data_files import read_yaml
from nlp.textutil import Segment
from nlp.types import EvidenceSpan, FindingDraft
from nlp.vocabulary import EvidenceDecision, IncidentType, Label

RULES_PATH = Path(__file__).parent / "data" / "incident-types-v1.yaml"
SCAM_MATERIALS = {"red mercury", "osmium"}
IN_ANCHOR, NEIGHBOUR, ELSEWHERE = 1.0, 0.7, 0.25
LEDE_BONUS = 1.25  # the headline or first sentence says what happened
HEDGED = 0.5
OTHERS = 0.3  # further hits of a type add this share of their weight to its best hit
EMBEDDING = 0.6  # English only: prototype similarity above the routine prototypes
TIE_ORDER = (  # equal scores go to the first
    IncidentType.SCAM_OR_FRAUD,
    IncidentType.SABOTAGE_OR_ATTACK,
    IncidentType.TRAFFICKING_OR_SMUGGLING,
    IncidentType.THEFT,
    IncidentType.LOSS,
    IncidentType.ORPHAN_SOURCE_FOUND,
    IncidentType.UNAUTHORIZED_POSSESSION,
)
# (winner, loser): when the winner has a cue where the incident is told, the loser is out.
PRECEDENCE = (
    (IncidentType.SCAM_OR_FRAUD, IncidentType.TRAFFICKING_OR_SMUGGLING),
    (IncidentType.SCAM_OR_FRAUD, IncidentType.UNAUTHORIZED_POSSESSION),
    (IncidentType.SCAM_OR_FRAUD, IncidentType.ORPHAN_SOURCE_FOUND),
    (IncidentType.TRAFFICKING_OR_SMUGGLING, IncidentType.UNAUTHORIZED_POSSESSION),
    (IncidentType.TRAFFICKING_OR_SMUGGLING, IncidentType.ORPHAN_SOURCE_FOUND),
    (IncidentType.UNAUTHORIZED_POSSESSION, IncidentType.ORPHAN_SOURCE_FOUND),
    (IncidentType.THEFT, IncidentType.LOSS),
    (IncidentType.THEFT, IncidentType.ORPHAN_SOURCE_FOUND),
    (IncidentType.THEFT, IncidentType.UNAUTHORIZED_POSSESSION),
    (IncidentType.LOSS, IncidentType.ORPHAN_SOURCE_FOUND),
)


@dataclass(frozen=True)
class TypeRules:
    version: str
    material_terms: tuple[re.Pattern[str], ...]
    speculation: tuple[re.Pattern[str], ...]
    denial: tuple[re.Pattern[str], ...]
    boilerplate: tuple[re.Pattern[str], ...]
    markers: dict[IncidentType, tuple[re.Pattern[str], ...]]


@lru_cache(maxsize=1)
def load_type_rules(path: Path = RULES_PATH) -> TypeRules:
    data = read_yaml(path)

    def patterns(by_language: dict[str, list[str]]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for per_language in by_language.values() for p in per_language)

    return TypeRules(
        data["version"],
        patterns(data["material_terms"]),
        patterns(data["speculation"]),
        patterns(data["denial"]),
        patterns(data["boilerplate"]),
        {IncidentType(kind): patterns(lists) for kind, lists in data["markers"].items()},
    )


@dataclass(frozen=True)
class _Reading:
    """Where the incident is told: anchor sentences (material), their window, hedged ones."""

    sentences: Sequence[Segment]
    anchors: frozenset[int]
    hedged: frozenset[int]
    denied: frozenset[int]

    def place(self, offset: int) -> float:
        index = sentence_index(self.sentences, offset)
        if index in self.anchors:
            weight = IN_ANCHOR
        elif any(abs(index - a) == 1 for a in self.anchors):
            weight = NEIGHBOUR
        else:
            weight = ELSEWHERE
        if index == 0:
            weight = max(weight, NEIGHBOUR) * LEDE_BONUS
        return weight * (HEDGED if index in self.hedged else 1.0)

    def told(self, offset: int) -> bool:
        """Stated, not hedged, where the incident is told: the material's sentence, a
        neighbour ("Two suspects tried to sell it.") or the lede."""
        index = sentence_index(self.sentences, offset)
        return self.near(offset) and index not in self.hedged

    def near(self, offset: int) -> bool:
        """In the lede, a sentence that names the material or a neighbour of one."""
        index = sentence_index(self.sentences, offset)
        return index == 0 or any(abs(index - a) <= 1 for a in self.anchors)


def incident_type(
    text: str,
    sentences: Sequence[Segment],
    cue_hits: Sequence[CueHit],
    findings: Sequence[FindingDraft],
    similarity: Mapping[str, float] | None = None,
    rules: TypeRules | None = None,
) -> tuple[IncidentType, EvidenceSpan | None]:
    """The incident type of a relevant document, with the span that decided it."""
    rules = rules or load_type_rules()
    reading = _reading(text, sentences, findings, rules)
    hits = [h for h in _type_hits(text, cue_hits, reading, rules) if h.kind in set(IncidentType)]
    hits += _marker_hits(text, findings, reading, rules)
    scores = _scores(hits, reading, similarity)
    told = {IncidentType(h.kind) for h in hits if reading.told(h.start)}
    for winner, loser in PRECEDENCE:
        if winner in told and loser in scores:
            del scores[loser]
    if not scores or max(scores.values()) <= 0.05:
        return IncidentType.OTHER, None
    top = max(scores.values())
    chosen = next(k for k in TIE_ORDER if scores.get(k, 0.0) >= top - 1e-9)
    return chosen, _evidence(chosen, hits, reading)


def sentence_index(sentences: Sequence[Segment], offset: int) -> int:
    for index, sentence in enumerate(sentences):
        if offset < sentence.end:
            return index
    return max(0, len(sentences) - 1)


def _reading(
    text: str, sentences: Sequence[Segment], findings: Sequence[FindingDraft], rules: TypeRules
) -> _Reading:
    offsets = [f.start for f in findings if f.label == Label.MATERIAL]
    offsets += [m.start() for p in rules.material_terms for m in p.finditer(text)]
    anchors = frozenset(sentence_index(sentences, o) for o in offsets)
    return _Reading(
        sentences,
        anchors,
        _matching(text, sentences, rules.speculation),
        _matching(text, sentences, rules.denial),
    )


def _matching(
    text: str, sentences: Sequence[Segment], patterns: Sequence[re.Pattern[str]]
) -> frozenset[int]:
    return frozenset(
        index
        for index, s in enumerate(sentences)
        if any(p.search(text, s.start, s.end) for p in patterns)
    )


def _type_hits(
    text: str, cue_hits: Sequence[CueHit], reading: _Reading, rules: TypeRules
) -> list[CueHit]:
    """Cue hits that can speak for a type; an attack cue only near the material (its sentence,
    a neighbour or the lede), not hedged and not part of a counter-terrorism name."""
    boilerplate = [(m.start(), m.end()) for p in rules.boilerplate for m in p.finditer(text)]
    kept = []
    for hit in cue_hits:
        index = sentence_index(reading.sentences, hit.start)
        if index in reading.denied:
            continue
        if hit.kind == IncidentType.SABOTAGE_OR_ATTACK:
            inside = any(start <= hit.start < end for start, end in boilerplate)
            if inside or not reading.near(hit.start) or index in reading.hedged:
                continue
        kept.append(hit)
    return kept


def _marker_hits(
    text: str, findings: Sequence[FindingDraft], reading: _Reading, rules: TypeRules
) -> list[CueHit]:
    """What the rule file adds to the cue file's words, and scam materials as claimed."""
    hits = [
        CueHit(kind.value, m.start(), m.end(), 1.0)
        for kind, patterns in rules.markers.items()
        for p in patterns
        for m in p.finditer(text)
    ]
    hits += [
        CueHit(IncidentType.SCAM_OR_FRAUD.value, f.start, f.end, 1.0)
        for f in findings
        if f.label == Label.MATERIAL and f.normalized in SCAM_MATERIALS
    ]
    return [h for h in hits if sentence_index(reading.sentences, h.start) not in reading.denied]


def _scores(
    hits: Sequence[CueHit], reading: _Reading, similarity: Mapping[str, float] | None
) -> dict[IncidentType, float]:
    weights: dict[IncidentType, list[float]] = {}
    for hit in hits:
        weights.setdefault(IncidentType(hit.kind), []).append(hit.weight * reading.place(hit.start))
    scores = {
        kind: max(values) + OTHERS * (sum(values) - max(values)) for kind, values in weights.items()
    }
    if similarity:
        routine = similarity.get("routine", 0.0)
        for kind, value in similarity.items():
            if kind != "routine":
                kind_type = IncidentType(kind)
                bonus = EMBEDDING * max(0.0, value - routine)
                scores[kind_type] = scores.get(kind_type, 0.0) + bonus
    return scores


def _evidence(
    chosen: IncidentType, hits: Sequence[CueHit], reading: _Reading
) -> EvidenceSpan | None:
    mine = [h for h in hits if h.kind == chosen]
    best = max(mine, key=lambda h: h.weight * reading.place(h.start), default=None)
    if best is None:
        return None
    return EvidenceSpan(EvidenceDecision.INCIDENT_TYPE, best.start, best.end, f"cue {chosen}")
