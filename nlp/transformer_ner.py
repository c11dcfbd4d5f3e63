"""Optional token-classification NER from a local model folder (RADINTEL_NER_MODEL_PATH):
B-/I- labels aggregated into character spans, merged with spaCy's by span overlap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer

from nlp.vocabulary import Label

LABEL_MAP = {  # the model's entity kinds (after B-/I-) to ours
    "PER": Label.PERSON,
    "PERSON": Label.PERSON,
    "ORG": Label.ORG,
    "LOC": Label.LOC,
    "GPE": Label.GPE,
    "FAC": Label.FAC,
    "DATE": Label.DATE,
}
MAX_TOKENS = 256
STRIDE = 32


@dataclass(frozen=True)
class TokenEntity:
    label: Label
    start: int
    end: int
    confidence: float


class TransformerNer:
    """Loads tokenizer and model from `path` at construction (offline, local files only)."""

    def __init__(self, path: Path) -> None:
        self.tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        if not self.tokenizer.is_fast:
            raise ValueError(f"NER model at {path} needs a fast tokenizer (character offsets)")
        self.model = AutoModelForTokenClassification.from_pretrained(
            str(path), local_files_only=True
        )
        self.model.eval()
        self.id2label = {int(k): str(v) for k, v in self.model.config.id2label.items()}
        positions = int(getattr(self.model.config, "max_position_embeddings", MAX_TOKENS))
        self.max_tokens = min(MAX_TOKENS, positions)

    def predict(self, texts: Sequence[str]) -> list[list[TokenEntity]]:
        return [self._predict_one(text) for text in texts]

    def _predict_one(self, text: str) -> list[TokenEntity]:
        encoded = self.tokenizer(
            text,
            truncation=True,
            max_length=self.max_tokens,
            stride=STRIDE,
            padding=True,
            return_overflowing_tokens=True,
            return_offsets_mapping=True,
            return_tensors="pt",
        )
        offsets = encoded.pop("offset_mapping").tolist()
        encoded.pop("overflow_to_sample_mapping", None)
        with torch.inference_mode():
            probabilities = self.model(**encoded).logits.softmax(-1)
        found: dict[tuple[int, int], TokenEntity] = {}
        for window, window_offsets in enumerate(offsets):
            scores, labels = probabilities[window].max(-1)
            tags = [(self.id2label[int(i)], float(s)) for i, s in zip(labels, scores, strict=True)]
            for entity in aggregate(tags, window_offsets):
                found.setdefault((entity.start, entity.end), entity)
        return sorted(found.values(), key=lambda e: e.start)


def aggregate(
    tags: Sequence[tuple[str, float]], offsets: Sequence[Sequence[int]]
) -> list[TokenEntity]:
    """BIO (or bare) labels per token into entity spans; special tokens have (0, 0) offsets."""
    entities: list[TokenEntity] = []
    current: tuple[Label, int, int, list[float]] | None = None
    for (tag, score), (start, end) in zip(tags, offsets, strict=True):
        if start == end:
            continue
        prefix, _, kind = tag.rpartition("-") if "-" in tag else ("", "", tag)
        label = LABEL_MAP.get(kind)
        continues = current is not None and label == current[0] and prefix != "B"
        if continues and current is not None:
            current = (current[0], current[1], end, [*current[3], score])
            continue
        if current is not None:
            entities.append(_entity(current))
        current = (label, start, end, [score]) if label else None
    if current is not None:
        entities.append(_entity(current))
    return entities


def _entity(item: tuple[Label, int, int, list[float]]) -> TokenEntity:
    label, start, end, scores = item
    return TokenEntity(label, start, end, sum(scores) / len(scores))
