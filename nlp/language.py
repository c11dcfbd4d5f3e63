"""Language identification with lingua over every language it knows.

Two detectors, each built once and only when first needed (lingua's models are large):
- every language in low-accuracy mode (trigram models only: cheap to load, and as accurate
  as the full models on texts longer than about 120 characters, per lingua's documentation);
- for short texts, the full models over the covered languages plus the first detector's
  guess: trigrams alone mistake a short English sentence for Dutch, and the full models over
  every language take tens of seconds to load.
"""

from __future__ import annotations

import sys
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
EVERY_LANGUAGE_DISTANCE = 0.1  # the first detector's minimum relative distance


def is_covered(language: str | None) -> bool:
    """True when the rule files know this language (ISO 639-1)."""
    return language in COVERED_LANGUAGES


@lru_cache(maxsize=1)
def _every_language() -> LanguageDetector:
    from lingua import LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_all_languages()
        .with_minimum_relative_distance(EVERY_LANGUAGE_DISTANCE)
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
    found = _detect(_every_language(), sample, EVERY_LANGUAGE_DISTANCE)
    if found is None:
        return hint
    if len(sample) < LOW_ACCURACY_MIN_CHARS:
        found = _detect(_covered_and(found[0]), sample, 0.0)
        if found is None:
            return hint
    language, confidence = found
    if confidence < MIN_CONFIDENCE and hint:
        return hint
    return language.iso_code_639_1.name.lower()


def _detect(
    detector: LanguageDetector, sample: str, minimum_distance: float
) -> tuple[Language, float] | None:
    """lingua's `detect_language_of` and then `compute_language_confidence` for the language
    found, from one computation: both compute every language's confidence, so calling the
    two cost twice the time (a tenth of a whole extraction). The decision is lingua's own
    (lingua-rs 1.7 `detect_language_from_languages`): no language when the best two are
    tied or closer than the detector's minimum relative distance; a test compares it with
    `detect_language_of`."""
    values = detector.compute_language_confidence_values(sample)
    if not values:
        return None
    best = values[0]
    if len(values) == 1:
        return (best.language, best.value) if best.value != 0.0 else None
    gap = best.value - values[1].value
    if abs(gap) < sys.float_info.epsilon or gap < minimum_distance:
        return None
    return best.language, best.value
