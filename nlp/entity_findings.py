"""Entity spans from spaCy, the gazetteer, date patterns and the optional transformer
turned into normalised FindingDrafts, and merged without overlaps."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from nlp.date_mentions import find_date_mentions
from nlp.dates import normalise_date
from nlp.entities import EntitySpan
from nlp.entity_rules import generic_word, names_organisation
from nlp.places import Place, find_places, lookup_place
from nlp.types import FindingDraft
from nlp.vocabulary import Label

if TYPE_CHECKING:  # torch and transformers load only when a transformer model is configured
    from nlp.transformer_ner import TokenEntity

GAZETTEER_VERSION = "gazetteer-v2"  # v2: towns named in the aliases file
DATE_PATTERNS_VERSION = "date-patterns-v2"
NAME_LABELS = {Label.ORG, Label.FAC, Label.LOC}
SPACY_CONFIDENCE = {
    Label.PERSON: 0.75,
    Label.ORG: 0.7,
    Label.GPE: 0.85,
    Label.LOC: 0.7,
    Label.FAC: 0.65,
    Label.DATE: 0.85,
}
_PLACE_BEFORE = re.compile(r"\b(?:in|near|(?:town|village|city|province|region) of)(?: the)? $")
_RELATIVE = re.compile(
    r"(?i)\b(?:yesterday|today|tonight|last|next|this|ago|earlier|recent|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|hier|ayer|أمس)\b"
)


def spacy_findings(
    text: str, spans: Sequence[EntitySpan], language: str, reference: date | None, version: str
) -> list[FindingDraft]:
    findings = []
    for span in spans:
        if span.label == Label.ORG and generic_word(span.text, language):
            continue  # "Customs officers", "State officials": no name
        relabelled = _place_tagged_org(text, span, version)
        if relabelled is not None:
            findings.append(relabelled)
            continue
        if span.label == Label.ORG and _place_like(text, span, language):
            continue
        normalized, attributes = _normalise(span.label, span.text, language, reference)
        if span.label == Label.DATE and normalized is None and not _RELATIVE.search(span.text):
            continue  # durations and ages ("30 years") are not dates
        confidence = SPACY_CONFIDENCE[span.label]
        if span.label in {Label.GPE, Label.DATE} and normalized is None:
            confidence -= 0.2
        findings.append(
            FindingDraft(
                span.label,
                text[span.start : span.end],
                span.start,
                span.end,
                normalized,
                attributes,
                confidence,
                "spacy-ner",
                version,
            )
        )
    return findings


def _place_like(text: str, span: EntitySpan, language: str) -> bool:
    """The small English model tags an unknown place ORG after "in" or "town of" ("found in
    Pudahuel", "sites in the Pilbara"): such a span without a word that says organisation
    is no organisation (nor a known place, or it would be one)."""
    before = text[max(0, span.start - 20) : span.start]
    return bool(_PLACE_BEFORE.search(before)) and not names_organisation(span.text, language)


def _place_tagged_org(text: str, span: EntitySpan, version: str) -> FindingDraft | None:
    """The small English model tags an unfamiliar town ORG ("a site near Grande Prairie",
    "off Okinawa"): an ORG span that is exactly a known city or country is that place, with
    the model's ORG confidence (it was not sure enough to say GPE)."""
    if span.label != Label.ORG:
        return None
    place = lookup_place(span.text)
    if place is None or place.kind not in {"city", "country"}:
        return None
    return FindingDraft(
        Label.GPE,
        text[span.start : span.end],
        span.start,
        span.end,
        place.country,
        _place_attributes(place),
        SPACY_CONFIDENCE[Label.ORG],
        "spacy-ner",
        version,
    )


def _normalise(
    label: Label, surface: str, language: str, reference: date | None
) -> tuple[str | None, dict[str, Any]]:
    if label == Label.GPE:
        place = lookup_place(surface)
        return (place.country, _place_attributes(place)) if place else (None, {})
    if label == Label.DATE:
        parsed = normalise_date(surface, language, reference)
        return (parsed.iso, {"period": parsed.period}) if parsed else (None, {})
    return None, {}


def _place_attributes(place: Place) -> dict[str, Any]:
    return {
        "place_kind": place.kind,
        "place_name": place.name,
        "latitude": place.latitude,
        "longitude": place.longitude,
    }


def place_finding(
    text: str, start: int, end: int, confidence: float, version: str
) -> FindingDraft | None:
    """A statistical model's place span as a GPE finding, when the place lookup knows it."""
    surface = text[start:end]
    place = lookup_place(surface)
    if place is None:
        return None
    attributes = _place_attributes(place)
    return FindingDraft(
        Label.GPE, surface, start, end, place.country, attributes, confidence, "spacy-ner", version
    )


def gazetteer_findings(text: str, language: str | None = None) -> list[FindingDraft]:
    return [
        FindingDraft(
            Label.GPE,
            text[m.start : m.end],
            m.start,
            m.end,
            m.place.country,
            _place_attributes(m.place),
            0.8 if m.place.kind == "country" else 0.7,
            "gazetteer",
            GAZETTEER_VERSION,
        )
        for m in find_places(text, language)
    ]


def pattern_date_findings(text: str, language: str, reference: date | None) -> list[FindingDraft]:
    findings = []
    for mention in find_date_mentions(text):
        parsed = normalise_date(mention.text, language, reference)
        findings.append(
            FindingDraft(
                Label.DATE,
                mention.text,
                mention.start,
                mention.end,
                parsed.iso if parsed else None,
                {"period": parsed.period} if parsed else {},
                0.8 if parsed else 0.5,
                "date-patterns",
                DATE_PATTERNS_VERSION,
            )
        )
    return findings


def widen_dates(
    findings: Sequence[FindingDraft], patterns: Sequence[FindingDraft]
) -> list[FindingDraft]:
    """spaCy often leaves out the day or weekday ("2 October 2023" -> "October 2023"): a
    pattern date that contains a spaCy date takes its place, with spaCy's confidence."""
    widened = []
    for finding in findings:
        wider = None
        if finding.label == Label.DATE:
            wider = next(
                (
                    p
                    for p in patterns
                    if p.normalized
                    and p.start <= finding.start
                    and finding.end <= p.end
                    and p.end - p.start > finding.end - finding.start
                ),
                None,
            )
        widened.append(replace(wider, confidence=finding.confidence) if wider else finding)
    return widened


def outside(findings: Sequence[FindingDraft], others: Sequence[FindingDraft]) -> list[FindingDraft]:
    """The findings that overlap none of `others`."""
    return [f for f in findings if all(f.end <= o.start or f.start >= o.end for o in others)]


def transformer_findings(
    text: str, entities: Sequence[TokenEntity], version: str
) -> list[FindingDraft]:
    findings = []
    for entity in entities:
        label, normalized, attributes = entity.label, None, {}
        if label in {Label.LOC, Label.GPE}:
            place = lookup_place(text[entity.start : entity.end])
            if place is not None and place.kind != "demonym":
                label, normalized, attributes = Label.GPE, place.country, _place_attributes(place)
        findings.append(
            FindingDraft(
                label,
                text[entity.start : entity.end],
                entity.start,
                entity.end,
                normalized,
                attributes,
                round(entity.confidence, 4),
                "transformer-ner",
                version,
            )
        )
    return findings


def outside_names(
    findings: Sequence[FindingDraft], names: Sequence[FindingDraft]
) -> list[FindingDraft]:
    """`findings` minus those strictly inside a rule ORG/FAC/LOC name (the longest name
    wins: no GPE "Kenya" inside "Kenya Revenue Authority") and those strictly around a rule
    PERSON (a title or role word is outside the name: "Radiopharmacist Reem Al-Harbi")."""
    outer = [(n.start, n.end) for n in names if n.label in NAME_LABELS]
    people = [(n.start, n.end) for n in names if n.label == Label.PERSON]
    return [
        f
        for f in findings
        if not any(_nested(s, e, f.start, f.end) for s, e in outer)
        and not any(_nested(f.start, f.end, s, e) for s, e in people)
    ]


def name_countries(
    names: Sequence[FindingDraft], places: Sequence[FindingDraft]
) -> list[FindingDraft]:
    """`names` with the country of a place closing an ORG/FAC name as attribute "country"
    ("Служба безопасности Украины" → UA): the place itself is dropped (the longest name wins)
    but still says where the document is about. Only a closing place counts: one opening a
    company name is often a brand or a false place ("Tana Minerals Export")."""
    result = []
    for name in names:
        inner = [
            p
            for p in places
            if p.label == Label.GPE
            and p.normalized
            and _nested(name.start, name.end, p.start, p.end)
            and p.end == name.end
        ]
        if name.label in {Label.ORG, Label.FAC} and inner and "country" not in name.attributes:
            name = replace(name, attributes={**name.attributes, "country": inner[0].normalized})
        result.append(name)
    return result


def materials_outside_names(
    materials: Sequence[FindingDraft], names: Sequence[FindingDraft]
) -> list[FindingDraft]:
    """`materials` minus a capitalised material word inside a rule organisation name, after
    its first word: "Kestrel Uranium Corp" names a company, not uranium."""
    orgs = [(n.start, n.end) for n in names if n.label == Label.ORG]
    return [
        m
        for m in materials
        if not (
            m.text.isalpha()
            and m.text.istitle()
            and any(s < m.start and m.end <= e for s, e in orgs)
        )
    ]


def _nested(outer_start: int, outer_end: int, start: int, end: int) -> bool:
    return outer_start <= start and end <= outer_end and (outer_start, outer_end) != (start, end)


def merge(*groups: Sequence[FindingDraft]) -> list[FindingDraft]:
    """Union of finding groups; overlapping spans keep the higher confidence (earlier
    groups win ties)."""
    kept: list[FindingDraft] = []
    ordered = sorted(
        ((f, rank) for rank, group in enumerate(groups) for f in group),
        key=lambda item: (-item[0].confidence, item[1], item[0].start),
    )
    for finding, _ in ordered:
        if all(finding.end <= k.start or finding.start >= k.end for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: (f.start, f.end))
