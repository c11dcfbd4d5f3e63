"""Rule-based PERSON / ORG / FAC / LOC findings for every language, from the versioned word
lists in nlp/data/entity-rules-v3.yaml (cased-script rules, Latin and Cyrillic, in
nlp/entity_rules_latin.py, Arabic rules in nlp/entity_rules_ar.py, Georgian rules in
nlp/entity_rules_ka.py). Fills the gaps where no statistical model exists (fr, es, ar, pt,
de, it, pl, tr, ru, uk, ka) and completes spaCy in English."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nlp.data_files import read_yaml
from nlp.entity_rules_ar import ArabicRules, arabic_candidates, arabic_rules
from nlp.entity_rules_base import Candidate, resolve, tokenize
from nlp.entity_rules_ka import GeorgianRules, georgian_candidates, georgian_rules
from nlp.entity_rules_latin import LatinRules, latin_candidates, latin_rules
from nlp.types import FindingDraft
from nlp.vocabulary import Label

RULES_DIR = Path(__file__).parent / "data"
DEFAULT_VERSION = "entity-rules-v3"
# Cased-script languages with their own rules (v1: en, fr, es; v2 adds the rest); any other
# language falls back to the English rules.
CASED_LANGUAGES = ("en", "fr", "es", "pt", "de", "it", "pl", "tr", "ru", "uk")
EXTRACTOR = "entity-rules"
AGENCIES_FILE = RULES_DIR / "agencies-v1.yaml"
AGENCY_CONFIDENCE = 0.9


@dataclass(frozen=True)
class EntityRules:
    version: str
    latin: dict[str, LatinRules]
    arabic: ArabicRules
    georgian: GeorgianRules | None  # from entity-rules-v2
    agencies: re.Pattern[str]  # well-known organisations, ORG in any language


@lru_cache(maxsize=2)
def load_entity_rules(version: str = DEFAULT_VERSION) -> EntityRules:
    data = read_yaml(RULES_DIR / f"{version}.yaml")
    latin = {
        lang: latin_rules(data[lang], data["shared"]) for lang in CASED_LANGUAGES if lang in data
    }
    agencies = read_yaml(AGENCIES_FILE)
    return EntityRules(
        f"{data['version']}+{agencies['version']}",
        latin,
        arabic_rules(data["ar"]),
        georgian_rules(data["ka"]) if "ka" in data else None,
        _agency_pattern(agencies),
    )


def _agency_pattern(data: dict[str, list[str]]) -> re.Pattern[str]:
    names = sorted(data["names"], key=len, reverse=True)
    acronyms = sorted(set(data["acronyms"]), key=len, reverse=True)
    named = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    short = "|".join(re.escape(a) for a in acronyms)
    return re.compile(rf"(?<![\w-])(?:(?i:{named})|{short})(?![\w-])")


def entity_rule_findings(text: str, language: str) -> list[FindingDraft]:
    """PERSON/ORG/FAC/LOC findings by the rules of `language` (English rules for languages
    without their own), without overlaps."""
    rules = load_entity_rules()
    tokens = tokenize(text)
    if language == "ar":
        candidates = arabic_candidates(text, tokens, rules.arabic)
    elif language == "ka" and rules.georgian is not None:
        candidates = georgian_candidates(text, tokens, rules.georgian)
    else:
        candidates = latin_candidates(text, tokens, rules.latin.get(language, rules.latin["en"]))
    candidates += [
        Candidate(Label.ORG, m.start(), m.end(), AGENCY_CONFIDENCE)
        for m in rules.agencies.finditer(text)
    ]
    return [_finding(text, c, rules.version) for c in resolve(candidates)]


def generic_word(word: str, language: str) -> bool:
    """A word that alone names no organisation ("Customs", "Police", "State"): an ORG
    designator or a generic name word of the language's rules."""
    rules = load_entity_rules().latin.get(language)
    if rules is None or " " in word:
        return False
    return rules.designator(word) == "ORG" or word in rules.generic_words


def names_organisation(words: str, language: str) -> bool:
    """Some word of `words` says organisation: an ORG designator, a company word or an
    acronym ("Kestrel Wireline Services", "NNR"), by the language's rules."""
    rules = load_entity_rules().latin.get(language)
    if rules is None:
        return True
    return any(
        rules.designator(w) == "ORG" or w in rules.company_words or (w.isupper() and len(w) > 1)
        for w in words.split()
    )


def _finding(text: str, candidate: Candidate, version: str) -> FindingDraft:
    return FindingDraft(
        Label(candidate.label),
        text[candidate.start : candidate.end],
        candidate.start,
        candidate.end,
        None,
        {},
        candidate.confidence,
        EXTRACTOR,
        version,
    )
