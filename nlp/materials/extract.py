"""Material findings: rule matches plus their quantities, device and IAEA category."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nlp.materials.attach import TreeDistance, attach_quantities, nearest_device
from nlp.materials.categories import categorise
from nlp.materials.matching import Mention, find_mentions
from nlp.materials.patterns import DEFAULT_VERSION, load_rules
from nlp.materials.quantities import find_quantities
from nlp.textutil import Segment, normalise_chars, sentences
from nlp.types import FindingDraft
from nlp.vocabulary import Label

EXTRACTOR = "material-rules"
HEU_THRESHOLD_PCT = 20.0  # LEU < 20 % U-235 <= HEU (DOMAIN.md)
ATTRIBUTE_KEYS = (
    "canonical",
    "material_group",
    "quantity_g",
    "activity_bq",
    "enrichment_pct",
    "device",
    "count",
    "a_over_d",
    "iaea_category",
    "evidence",
)


def extract_materials(
    text: str,
    language: str | None,
    *,
    tree_distance: TreeDistance | None = None,
    version: str = DEFAULT_VERSION,
) -> list[FindingDraft]:
    """MATERIAL findings of one document, offsets into `text`."""
    return scan_materials(text, language, tree_distance=tree_distance, version=version)[0]


Mentions = tuple[list[Mention], list[Mention]]  # (materials, devices)


def material_mentions(text: str, version: str = DEFAULT_VERSION) -> Mentions:
    """The rules' matches in `text`: found once per document, then handed to `needs_parse`
    and `scan_materials`."""
    return find_mentions(normalise_chars(text), load_rules(version))


def scan_materials(
    text: str,
    language: str | None,
    *,
    tree_distance: TreeDistance | None = None,
    version: str = DEFAULT_VERSION,
    mentions: Mentions | None = None,
) -> tuple[list[FindingDraft], list[tuple[int, int]]]:
    """(MATERIAL findings, spans of every material and device mention) of one document."""
    normalised = normalise_chars(text)
    materials, devices = mentions if mentions is not None else material_mentions(text, version)
    if not materials and not devices:
        return [], []
    spans = sentences(normalised) or [Segment(0, len(text))]
    found = sorted(materials + _lone_devices(materials, devices, spans), key=lambda m: m.start)
    quantities = find_quantities(normalised, language)
    attributes = [_base_attributes(m) for m in found]
    for item in attach_quantities(normalised, quantities, found, spans, tree_distance):
        attributes[item.mention_index][item.quantity.kind] = item.quantity.value
        attributes[item.mention_index]["evidence"] += (
            f"; {item.quantity.kind} '{item.quantity.text}'"
        )
    for mention, attrs in zip(found, attributes, strict=True):
        _add_device(normalised, mention, attrs, devices, spans)
        _resolve(attrs)
    findings = [_finding(text, m, a, version) for m, a in zip(found, attributes, strict=True)]
    return findings, [(m.start, m.end) for m in materials + devices]


def _lone_devices(
    materials: Sequence[Mention], devices: Sequence[Mention], spans: Sequence[Segment]
) -> list[Mention]:
    """Devices in sentences without any material mention become findings themselves."""
    lone = []
    for device in devices:
        sentence = next((s for s in spans if s.start <= device.start < s.end), None)
        if sentence and not any(sentence.start <= m.start < sentence.end for m in materials):
            lone.append(device)
    return lone


def _base_attributes(mention: Mention) -> dict[str, Any]:
    attrs: dict[str, Any] = dict.fromkeys(ATTRIBUTE_KEYS)
    attrs["canonical"] = mention.canonical
    attrs["material_group"] = mention.rule.group
    attrs["evidence"] = mention.rule.name
    if mention.rule.kind == "device":
        attrs["device"] = mention.canonical
    return attrs


def _add_device(
    text: str,
    mention: Mention,
    attrs: dict[str, Any],
    devices: Sequence[Mention],
    spans: Sequence[Segment],
) -> None:
    if mention.rule.kind == "device":
        return
    sentence = next((s for s in spans if s.start <= mention.start < s.end), spans[-1])
    device = nearest_device(text, mention, devices, sentence)
    if device is not None:
        attrs["device"] = device.canonical
        attrs["evidence"] += f"; device '{text[device.start : device.end]}'"


def _resolve(attrs: dict[str, Any]) -> None:
    """Enrichment decides HEU/LEU; nuclide and activity decide the IAEA category."""
    canonical = attrs["canonical"]
    enrichment = attrs["enrichment_pct"]
    if canonical in {"enriched uranium", "uranium"} and enrichment is not None:
        attrs["canonical"] = "HEU" if enrichment >= HEU_THRESHOLD_PCT else "LEU"
    elif canonical == "enriched uranium":
        attrs["canonical"] = "uranium"
    if attrs["activity_bq"] is not None:
        category = categorise(attrs["canonical"], attrs["activity_bq"])
        if category is not None:
            attrs["a_over_d"], attrs["iaea_category"] = float(category[0]), category[1]


def _finding(text: str, mention: Mention, attrs: dict[str, Any], version: str) -> FindingDraft:
    confidence = mention.rule.confidence
    if mention.canonical == "enriched uranium" and attrs["canonical"] == "uranium":
        confidence = min(confidence, 0.7)
    return FindingDraft(
        label=Label.MATERIAL,
        text=text[mention.start : mention.end],
        start=mention.start,
        end=mention.end,
        normalized=attrs["canonical"],
        attributes=attrs,
        confidence=confidence,
        extractor=EXTRACTOR,
        extractor_version=version,
    )


def needs_parse(
    text: str,
    language: str | None,
    *,
    version: str = DEFAULT_VERSION,
    mentions: Mentions | None = None,
) -> bool:
    """True when some sentence holds a quantity and two or more materials: only then does
    the dependency parse have something to decide."""
    normalised = normalise_chars(text)
    materials, _ = mentions if mentions is not None else material_mentions(text, version)
    if len(materials) < 2:
        return False
    quantities = find_quantities(normalised, language)
    for sentence in sentences(normalised):
        inside = [m for m in materials if sentence.start <= m.start < sentence.end]
        if len(inside) >= 2 and any(sentence.start <= q.start < sentence.end for q in quantities):
            return True
    return False
