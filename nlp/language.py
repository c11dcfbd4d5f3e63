"""Language identification with lingua, restricted to languages seen in RN reporting."""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

SUPPORTED = (
    Language.ENGLISH,
    Language.FRENCH,
    Language.SPANISH,
    Language.ARABIC,
    Language.GERMAN,
    Language.ITALIAN,
    Language.PORTUGUESE,
    Language.RUSSIAN,
    Language.UKRAINIAN,
    Language.TURKISH,
    Language.PERSIAN,
    Language.CHINESE,
)
MIN_CONFIDENCE = 0.25
SAMPLE_CHARS = 4000  # the head of a document says its language; long texts cost time


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return (
        LanguageDetectorBuilder.from_languages(*SUPPORTED)
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
