"""Rule-based PERSON / ORG / FAC / LOC findings for every language, from the versioned word
lists in nlp/data/entity-rules-v1.yaml (Latin-script rules in nlp/entity_rules_latin.py,
Arabic rules in nlp/entity_rules_ar.py). Fills the gaps where no statistical model exists
(fr, es, ar) and completes spaCy in English."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from nlp.entity_rules_ar import ArabicRules, arabic_candidates, arabic_rules
from nlp.entity_rules_base import Candidate, resolve, tokenize
from nlp.entity_rules_latin import LatinRules, latin_candidates, latin_rules
from nlp.types import FindingDraft
from nlp.vocabulary import Label

RULES_DIR = Path(__file__).parent / "data"
DEFAULT_VERSION = "entity-rules-v1"
EXTRACTOR = "entity-rules"


@dataclass(frozen=True)
class EntityRules:
    version: str
    latin: dict[str, LatinRules]
    arabic: ArabicRules


@lru_cache(maxsize=2)
def load_entity_rules(version: str = DEFAULT_VERSION) -> EntityRules:
    data = yaml.safe_load((RULES_DIR / f"{version}.yaml").read_text(encoding="utf-8"))
    latin = {lang: latin_rules(data[lang], data["shared"]) for lang in ("en", "fr", "es")}
    return EntityRules(data["version"], latin, arabic_rules(data["ar"]))


def entity_rule_findings(text: str, language: str) -> list[FindingDraft]:
    """PERSON/ORG/FAC/LOC findings by the rules of `language` (English rules for other
    Latin-script languages), without overlaps."""
    rules = load_entity_rules()
    tokens = tokenize(text)
    if language == "ar":
        candidates = arabic_candidates(text, tokens, rules.arabic)
    else:
        candidates = latin_candidates(text, tokens, rules.latin.get(language, rules.latin["en"]))
    return [_finding(text, c, rules.version) for c in resolve(candidates)]


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
