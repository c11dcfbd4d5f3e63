"""Attaches quantities and devices to the right material mention of their sentence."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nlp.materials.matching import Mention
from nlp.materials.quantities import Quantity
from nlp.textutil import Segment

# (start_a, end_a, start_b, end_b) -> dependency-tree distance, or None when unknown
TreeDistance = Callable[[int, int, int, int], int | None]

_COORDINATION = re.compile(
    r"(?i)(?<!\w)(?:and|et|y|e|or|ou|o|while|whereas|but|mais|pero)(?!\w)|;|\s[وأ]"
)
_URANIUM = {"HEU", "LEU", "enriched uranium", "uranium", "U-235", "UF6", "natural uranium"}
CROSSING_PENALTY = 1000
TREE_HOP = 100  # with a parse, crossing a coordination weighs as much as three tree hops
TREE_CROSSING_SHARE = 0.3
MAX_SENTENCES_BACK = 2


@dataclass(frozen=True)
class Attachment:
    mention_index: int
    quantity: Quantity
    distance: float


def compatible(quantity: Quantity, mention: Mention) -> bool:
    if quantity.kind == "enrichment_pct":
        return mention.canonical in _URANIUM
    if quantity.kind == "activity_bq":
        return mention.rule.kind in {"isotope", "device"}
    return True


def attach_quantities(
    text: str,
    quantities: Sequence[Quantity],
    mentions: Sequence[Mention],
    sentences: Sequence[Segment],
    tree_distance: TreeDistance | None = None,
) -> list[Attachment]:
    """For each quantity, the closest compatible mention in its sentence (dependency tree
    first, then characters, never across a coordination), else a preceding one nearby when
    the document names only one such material."""
    result: list[Attachment] = []
    for quantity in quantities:
        sentence_index = _sentence_of(sentences, quantity.start)
        chosen = _closest_in_sentence(
            text, quantity, mentions, sentences[sentence_index], tree_distance
        )
        if chosen is None:
            chosen = _preceding_unique(quantity, mentions, sentences, sentence_index)
        if chosen is not None:
            result.append(Attachment(chosen[0], quantity, chosen[1]))
    return _best_per_mention_and_kind(result)


def _closest_in_sentence(
    text: str,
    quantity: Quantity,
    mentions: Sequence[Mention],
    sentence: Segment,
    tree_distance: TreeDistance | None,
) -> tuple[int, float] | None:
    best: tuple[int, float] | None = None
    for index, mention in enumerate(mentions):
        if not (sentence.start <= mention.start < sentence.end) or not compatible(
            quantity, mention
        ):
            continue
        score = _distance(text, quantity, mention, tree_distance)
        if best is None or score < best[1]:
            best = (index, score)
    return best


_OF_LINK = re.compile(r"^\s*(?:of|d'|de|del|du|des|من)\s*(?:[^\W\d]+\s+){0,2}$", re.IGNORECASE)


def _distance(text: str, quantity: Quantity, mention: Mention, tree: TreeDistance | None) -> float:
    left, right = sorted([(quantity.start, quantity.end), (mention.start, mention.end)])
    gap: float = max(0, right[0] - left[1])
    crossing = CROSSING_PENALTY if _COORDINATION.search(text[left[1] : right[0]]) else 0
    if quantity.end <= mention.start and _OF_LINK.match(text[quantity.end : mention.start]):
        gap = gap / 5  # "2 kg of HEU", "10 Ci de Cs-137": the quantity names what follows
    if tree is not None:
        hops = tree(quantity.start, quantity.end, mention.start, mention.end)
        if hops is not None:
            return TREE_HOP * hops + crossing * TREE_CROSSING_SHARE + gap / 100
    return crossing + gap


def _preceding_unique(
    quantity: Quantity, mentions: Sequence[Mention], sentences: Sequence[Segment], index: int
) -> tuple[int, float] | None:
    candidates = [m for m in mentions if compatible(quantity, m)]
    if len({m.canonical for m in candidates}) != 1:
        return None
    window_start = sentences[max(0, index - MAX_SENTENCES_BACK)].start
    before = [
        i
        for i, m in enumerate(mentions)
        if m in candidates and window_start <= m.start < quantity.start
    ]
    if not before:
        return None
    return before[-1], 10 * CROSSING_PENALTY


def _best_per_mention_and_kind(attachments: list[Attachment]) -> list[Attachment]:
    best: dict[tuple[int, str], Attachment] = {}
    for item in attachments:
        key = (item.mention_index, item.quantity.kind)
        if key not in best or item.distance < best[key].distance:
            best[key] = item
    return list(best.values())


def nearest_device(
    text: str, mention: Mention, devices: Sequence[Mention], sentence: Segment
) -> Mention | None:
    best: tuple[float, Mention] | None = None
    for device in devices:
        if not (sentence.start <= device.start < sentence.end):
            continue
        left, right = sorted([(mention.start, mention.end), (device.start, device.end)])
        gap = max(0, right[0] - left[1])
        score = gap + (CROSSING_PENALTY if _COORDINATION.search(text[left[1] : right[0]]) else 0)
        if best is None or score < best[0]:
            best = (score, device)
    return None if best is None else best[1]


def _sentence_of(sentences: Sequence[Segment], offset: int) -> int:
    for index, sentence in enumerate(sentences):
        if offset < sentence.end:
            return index
    return len(sentences) - 1
