"""Document assessment: is this an RN incident, of which ITDB type and intent, where, when.
Multilingual cue rules carry every language; the sentence-embedding similarity to prototype
incident descriptions (English-centric) adds to them for English text only.
Irrelevant documents get incident_type "none" and intent_group "not_connected" (a valid
ITDB value meaning "nothing to connect"), never "undetermined"."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from nlp.cues import CueHit
from nlp.incident_date import incident_date
from nlp.incident_type import incident_type as decide_incident_type
from nlp.textutil import Segment
from nlp.types import DocumentAssessment, EvidenceSpan, FindingDraft
from nlp.vocabulary import EvidenceDecision, IncidentType, IntentGroup, Label

RELEVANCE_THRESHOLD = 0.5
MALICIOUS_TYPES = {
    IncidentType.SCAM_OR_FRAUD,
    IncidentType.SABOTAGE_OR_ATTACK,
    IncidentType.TRAFFICKING_OR_SMUGGLING,
}
NOT_CONNECTED_TYPES = {IncidentType.LOSS, IncidentType.ORPHAN_SOURCE_FOUND}
SCAM_MATERIALS = {"red mercury", "osmium"}
TRIVIAL_DEVICES = {"smoke detector", "lightning rod", "XRF analyser"}
_GENERIC_SOURCE = re.compile(
    r"(?i)radioactive (?:source|material|substance|capsule|device)s?|sources? radioactives?|"
    r"mati[èe]res? radioactives?|fuentes? radiactivas?|materiale?s? radiactivos?|"
    r"مصدر مشع|مصادر مشعة|مواد مشعة|مادة مشعة"
)
# logistic weights of the relevance score (hand-set on the gold set, see nlp/evaluation)
BIAS, W_MATERIAL, W_INCIDENT, W_ROUTINE, W_EMBEDDING = -2.5, 2.2, 2.8, 2.2, 0.6
W_HYPOTHETICAL = 3.0  # fiction, exercises, training: never discounted by incident cues
NON_INCIDENT_KINDS = {"routine", "malicious", "hypothetical"}
NEAR, FAR = 1.0, 0.4


def could_be_relevant(
    text: str,
    findings: Sequence[FindingDraft],
    sentences: Sequence[Segment],
    cue_hits: Sequence[CueHit],
) -> bool:
    """Relevance by the rules alone. The pipeline runs the embedding model only for these
    documents: there the embedding vote refines the score (it can demote an English
    document that reads like routine news) and the incident type."""
    return assess(text, findings, sentences, cue_hits, None).relevant


def assess(
    text: str,
    findings: Sequence[FindingDraft],
    sentences: Sequence[Segment],
    cue_hits: Sequence[CueHit],
    similarity: Mapping[str, float] | None = None,
    reference: date | None = None,
) -> DocumentAssessment:
    """Decide relevance, type, intent, countries and date from findings, cues and (for
    English) the similarity of key sentences to incident vs routine prototypes; `reference`
    is the publication date, when known."""
    materials = [f for f in findings if f.label == Label.MATERIAL]
    material_sentences = {_sentence_of(sentences, f.start) for f in materials}
    material_strength, material_evidence = _material_strength(text, materials)
    type_scores, type_evidence = _type_scores(cue_hits, sentences, material_sentences, materials)
    incident = max(type_scores.values(), default=0.0)
    routine = _routine(cue_hits, sentences, material_sentences)
    embedding_term = _embedding_term(similarity)
    z = (
        BIAS
        + W_MATERIAL * material_strength
        + W_INCIDENT * incident
        - W_ROUTINE * routine * (1 - 0.6 * incident)
        + W_EMBEDDING * embedding_term
        - W_HYPOTHETICAL
        * max((h.weight for h in cue_hits if h.kind == "hypothetical"), default=0.0)
    )
    relevance = 1 / (1 + math.exp(-z))
    evidence = [e for e in (material_evidence, _best(type_evidence)) if e is not None]
    relevant_evidence = [
        EvidenceSpan(EvidenceDecision.RELEVANT, e.start, e.end, e.note) for e in evidence
    ]
    if relevance < RELEVANCE_THRESHOLD:
        return DocumentAssessment(
            False,
            round(relevance, 4),
            IncidentType.NONE,
            IntentGroup.NOT_CONNECTED,
            [],
            None,
            relevant_evidence,
        )
    incident_type, type_span = decide_incident_type(text, sentences, cue_hits, findings, similarity)
    intent, intent_evidence = _intent(incident_type, cue_hits)
    countries, country_evidence = _countries(findings, sentences, material_sentences, cue_hits)
    when, date_evidence = incident_date(
        text,
        findings,
        lambda offset: _sentence_of(sentences, offset),
        _key_sentences(sentences, material_sentences, cue_hits),
        reference,
    )
    extra = [e for e in (type_span, intent_evidence, date_evidence) if e is not None]
    all_evidence = relevant_evidence + extra + country_evidence
    return DocumentAssessment(
        True, round(relevance, 4), incident_type, intent, countries, when, all_evidence
    )


def _material_strength(
    text: str, materials: Sequence[FindingDraft]
) -> tuple[float, EvidenceSpan | None]:
    best: tuple[float, EvidenceSpan | None] = (0.0, None)
    for finding in materials:
        device_only = finding.attributes.get("canonical") == finding.attributes.get("device")
        factor = 0.5 if finding.normalized in TRIVIAL_DEVICES else 0.85 if device_only else 1.0
        strength = finding.confidence * factor
        if strength > best[0]:
            best = (
                strength,
                EvidenceSpan(
                    EvidenceDecision.RELEVANT,
                    finding.start,
                    finding.end,
                    f"material {finding.normalized}",
                ),
            )
    generic = _GENERIC_SOURCE.search(text)
    if generic and best[0] < 0.7:
        best = (
            0.7,
            EvidenceSpan(
                EvidenceDecision.RELEVANT, generic.start(), generic.end(), "radioactive material"
            ),
        )
    return best


def _type_scores(
    hits: Sequence[CueHit],
    sentences: Sequence[Segment],
    material_sentences: set[int],
    materials: Sequence[FindingDraft],
) -> tuple[dict[str, float], dict[str, EvidenceSpan]]:
    scores: dict[str, float] = {}
    evidence: dict[str, EvidenceSpan] = {}
    for hit in hits:
        if hit.kind in NON_INCIDENT_KINDS:
            continue
        score = hit.weight * _proximity(sentences, hit.start, material_sentences)
        if score > scores.get(hit.kind, 0.0):
            scores[hit.kind] = score
            evidence[hit.kind] = EvidenceSpan(
                EvidenceDecision.RELEVANT, hit.start, hit.end, f"cue {hit.kind}"
            )
    scam = next((f for f in materials if f.normalized in SCAM_MATERIALS), None)
    if scam is not None:
        scam_type = IncidentType.SCAM_OR_FRAUD
        scores[scam_type] = max(scores.get(scam_type, 0.0), 1.0)
        evidence.setdefault(
            scam_type,
            EvidenceSpan(
                EvidenceDecision.RELEVANT, scam.start, scam.end, f"scam material {scam.normalized}"
            ),
        )
    return scores, evidence


def _proximity(sentences: Sequence[Segment], offset: int, material_sentences: set[int]) -> float:
    index = _sentence_of(sentences, offset)
    return NEAR if any(abs(index - m) <= 1 for m in material_sentences) else FAR


def _routine(
    hits: Sequence[CueHit], sentences: Sequence[Segment], material_sentences: set[int]
) -> float:
    weights = [
        h.weight * (1.0 if _proximity(sentences, h.start, material_sentences) == NEAR else 0.6)
        for h in hits
        if h.kind == "routine"
    ]
    return max(weights, default=0.0)


def _embedding_term(similarity: Mapping[str, float] | None) -> float:
    if not similarity:
        return 0.0
    incident = max(v for k, v in similarity.items() if k != "routine")
    margin = incident - similarity.get("routine", 0.0)
    return max(-1.0, min(1.0, margin * 4))


def _intent(
    incident_type: IncidentType, hits: Sequence[CueHit]
) -> tuple[IntentGroup, EvidenceSpan | None]:
    malicious = next((h for h in hits if h.kind == "malicious"), None)
    if incident_type in MALICIOUS_TYPES:
        return IntentGroup.LIKELY_TRAFFICKING_OR_MALICIOUS, None
    if incident_type in NOT_CONNECTED_TYPES:
        return IntentGroup.NOT_CONNECTED, None
    if malicious is not None:
        return IntentGroup.LIKELY_TRAFFICKING_OR_MALICIOUS, EvidenceSpan(
            EvidenceDecision.INTENT_GROUP, malicious.start, malicious.end, "malicious cue"
        )
    return IntentGroup.UNDETERMINED, None


def _key_sentences(
    sentences: Sequence[Segment], material_sentences: set[int], hits: Sequence[CueHit]
) -> set[int]:
    cue_sentences = {
        _sentence_of(sentences, h.start) for h in hits if h.kind not in NON_INCIDENT_KINDS
    }
    return material_sentences | cue_sentences


def _countries(
    findings: Sequence[FindingDraft],
    sentences: Sequence[Segment],
    material_sentences: set[int],
    hits: Sequence[CueHit],
) -> tuple[list[str], list[EvidenceSpan]]:
    key = _key_sentences(sentences, material_sentences, hits)
    places = [f for f in findings if f.label == Label.GPE and f.normalized]
    # A place closing an organisation name ("Служба безопасности Украины") counts through the
    # name's "country" attribute (nlp.entity_findings.name_countries), as it did before the
    # name was recognised and the place inside it dropped.
    named = [f for f in findings if f.label != Label.GPE and f.attributes.get("country")]
    places = places + named
    in_key = [f for f in places if _sentence_of(sentences, f.start) in key]
    counts = Counter(_country(f) for f in places)
    chosen = list(dict.fromkeys(_country(f) for f in in_key))
    if not chosen and counts:
        chosen = [counts.most_common(1)[0][0]]
    evidence = []
    for code in chosen:
        first = next(f for f in (in_key or places) if _country(f) == code)
        evidence.append(EvidenceSpan(EvidenceDecision.COUNTRY, first.start, first.end, code))
    return chosen, evidence


def _country(finding: FindingDraft) -> str:
    return str(finding.normalized if finding.label == Label.GPE else finding.attributes["country"])


def _best(evidence: Mapping[str, EvidenceSpan]) -> EvidenceSpan | None:
    return next(iter(evidence.values()), None)


def _sentence_of(sentences: Sequence[Segment], offset: int) -> int:
    for index, sentence in enumerate(sentences):
        if offset < sentence.end:
            return index
    return max(0, len(sentences) - 1)
