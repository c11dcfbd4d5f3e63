"""Language identification with lingua over every language it knows.

Two detectors, each built once and only when first needed (lingua's models are large):
- every language in low-accuracy mode (trigram models only: cheap to load, and as accurate
  as the full models on texts longer than about 120 characters, per lingua's documentation);
- for short texts, the full models over the covered languages plus the first detector's
  guess: trigrams alone mistake a short English sentence for Dutch, and the full models over
  every language take tens of seconds to load.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lingua is imported when the first text is detected, not with the CLI
    from lingua import Language, LanguageDetector

# Languages with material names, cues, units and dates in the rule files (nlp/data,
# nlp/materials/patterns); any other language gets only the language-independent rules.
COVERED_LANGUAGES = ("en", "fr", "es", "ar", "pt", "de", "it", "ru", "uk", "pl", "tr", "ka")
MIN_CONFIDENCE = 0.25
MIN_CHARS = 20  # below this a text says too little; the hint (if any) decides
LOW_ACCURACY_MIN_CHARS = 120  # lingua: low-accuracy mode is reliable above this length
SAMPLE_CHARS = 4000  # the head of a document says its language; long texts cost time


def is_covered(language: str | None) -> bool:
    """True when the rule files know this language (ISO 639-1)."""
    return language in COVERED_LANGUAGES


@lru_cache(maxsize=1)
def _every_language() -> LanguageDetector:
    from lingua import LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_all_languages()
        .with_minimum_relative_distance(0.1)
        .with_low_accuracy_mode()
        .build()
    )


@lru_cache(maxsize=16)
def _covered_and(guess: Language) -> LanguageDetector:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    covered = {Language.from_iso_code_639_1(IsoCode639_1.from_str(c)) for c in COVERED_LANGUAGES}
    return LanguageDetectorBuilder.from_languages(*(covered | {guess})).build()


def detect_language(text: str, hint: str | None = None) -> str | None:
    """ISO 639-1 code of the text's language (any language lingua knows), the hint when the
    text is too short or too ambiguous to tell, or None when neither says."""
    sample = text[:SAMPLE_CHARS].strip()
    if len(sample) < MIN_CHARS:
        return hint
    detector = _every_language()
    language = detector.detect_language_of(sample)
    if language is None:
        return hint
    if len(sample) < LOW_ACCURACY_MIN_CHARS:
        detector = _covered_and(language)
        language = detector.detect_language_of(sample)
        if language is None:
            return hint
    confidence = detector.compute_language_confidence(sample, language)
    if confidence < MIN_CONFIDENCE and hint:
        return hint
    return language.iso_code_639_1.name.lower()
