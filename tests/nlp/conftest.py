"""Session-wide models for the nlp tests: spaCy and the embedding model load once."""

from __future__ import annotations

import pytest

from nlp.pipeline import Extractor
from nlp.types import ExtractionResult, InputDocument


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


def extract_one(extractor: Extractor, text: str, language: str | None = None) -> ExtractionResult:
    return extractor.extract_batch([InputDocument(id="doc", text=text, language=language)])[0]
