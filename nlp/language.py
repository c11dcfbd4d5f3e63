"""Language identification with lingua, restricted to languages seen in RN reporting."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lingua is imported when the first text is detected, not with the CLI
    from lingua import LanguageDetector

SUPPORTED = (  # lingua Language members
    "ENGLISH",
    "FRENCH",
    "SPANISH",
    "ARABIC",
    "GERMAN",
    "ITALIAN",
    "PORTUGUESE",
    "RUSSIAN",
    "UKRAINIAN",
    "TURKISH",
    "PERSIAN",
    "CHINESE",
)
MIN_CONFIDENCE = 0.25
SAMPLE_CHARS = 4000  # the head of a document says its language; long texts cost time


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in SUPPORTED]
    return (
        LanguageDetectorBuilder.from_languages(*languages)
        .with_minimum_relative_distance(0.1)
        .build()
    )


def detect_language(text: str, hint: str | None = None) -> str | None:
    """ISO 639-1 code of the text's language, the hint when the text is too short to tell,
    or None when neither says."""
    sample = text[:SAMPLE_CHARS].strip()
    if len(sample) < 20:
        return hint
    language = _detector().detect_language_of(sample)
    if language is None:
        return hint
    confidence = _detector().compute_language_confidence(sample, language)
    if confidence < MIN_CONFIDENCE and hint:
        return hint
    return language.iso_code_639_1.name.lower()
