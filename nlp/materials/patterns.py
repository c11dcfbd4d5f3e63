"""Loads a versioned material rule file and compiles it into regular expressions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from nlp.data_files import read_yaml
from nlp.regex_literals import required_literals, safe_anchors
from nlp.vocabulary import MaterialGroup

PATTERN_DIR = Path(__file__).parent / "patterns"
DEFAULT_VERSION = "materials-v2"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_AR = "\u0600-\u06ff"


@dataclass(frozen=True)
class Rule:
    """One compiled pattern and what a match of it means."""

    kind: str  # "isotope", "form" or "device"
    canonical: str
    group: MaterialGroup
    confidence: float
    regex: re.Pattern[str]
    name: str  # evidence: which pattern family matched
    requires_context: str | None = None
    anchors: tuple[str, ...] = ()  # casefolded substrings one of which a match must contain


@dataclass(frozen=True)
class RuleSet:
    version: str
    rules: tuple[Rule, ...]
    contexts: dict[str, re.Pattern[str]]


@lru_cache(maxsize=4)
def load_rules(version: str = DEFAULT_VERSION) -> RuleSet:
    data = read_yaml(PATTERN_DIR / f"{version}.yaml")
    rules: list[Rule] = []
    for entry in data["isotopes"]:
        rules.extend(_isotope_rules(entry))
    for entry in data["forms"]:
        rules.extend(_listed_rules("form", entry, MaterialGroup(entry["group"])))
    for entry in data["devices"]:
        rules.extend(_listed_rules("device", entry, MaterialGroup.RADIOACTIVE_SOURCE))
    contexts = {name: re.compile(pattern) for name, pattern in data["contexts"].items()}
    return RuleSet(version=data["version"], rules=tuple(rules), contexts=contexts)


def _isotope_rules(entry: dict[str, Any]) -> list[Rule]:
    canonical, group = entry["canonical"], MaterialGroup(entry["group"])
    symbol, mass = re.escape(entry["symbol"]), str(entry["mass"])
    sup = mass.translate(_SUPERSCRIPT)
    rules: list[Rule] = []
    forms = entry.get("symbol_forms", ["all"])
    if forms == ["hyphen"]:
        symbol_pattern = rf"(?<![\w-]){symbol}-{mass}(?![\w])"
    else:
        symbol_pattern = (
            rf"(?<![\w-]){symbol}[- ]?{mass}(?![\d])(?!\s?(?:%|kg|g)\b)"
            rf"|(?<![\w-]){symbol.upper()}-{mass}(?!\d)"
            rf"|(?<![\w.,-]){mass}-?{symbol}(?![a-z])|{sup} ?{symbol}(?![a-z])"
        )
    digits = (mass.casefold(), sup)
    if forms != ["none"]:
        rules.append(
            _rule(
                "isotope", entry, group, 0.95, symbol_pattern, f"symbol {canonical}", True, digits
            )
        )
    names = [re.escape(name) for name in entry.get("names", [])]
    if names:
        name_pattern = rf"(?<![\w{_AR}])(?:[وب]?ال)?(?:{'|'.join(names)})[- ]?{mass}(?!\d)"
        rules.append(
            _rule("isotope", entry, group, 0.95, name_pattern, f"name {canonical}", False, digits)
        )
    for extra in entry.get("extra", []):
        rules.append(
            _rule("isotope", entry, group, extra["confidence"], extra["pattern"],
                  f"form {canonical}", extra.get("case_sensitive", False))
        )  # fmt: skip
    alone = entry.get("alone")
    if alone:
        alone_names = alone.get("names", [])
        alone_patterns = [rf"(?<![\w{_AR}])(?:{re.escape(n)})(?![\w{_AR}-])" for n in alone_names]
        alone_patterns.extend(alone.get("patterns", []))
        anchors = safe_anchors([*alone_names, *alone.get("anchors", [])])
        rules.append(
            _rule("isotope", entry, group, alone["confidence"], "|".join(alone_patterns),
                  f"element name {canonical}", False, anchors)
        )  # fmt: skip
    return rules


def _listed_rules(kind: str, entry: dict[str, Any], group: MaterialGroup) -> list[Rule]:
    pattern = "|".join(f"(?:{p})" for p in entry["patterns"])
    rule = _rule(
        kind,
        entry,
        group,
        entry.get("confidence", 0.9),
        pattern,
        f"{kind} {entry['canonical']}",
        entry.get("case_sensitive", False),
    )
    return [rule]


def _rule(
    kind: str,
    entry: dict[str, Any],
    group: MaterialGroup,
    confidence: float,
    pattern: str,
    name: str,
    case_sensitive: bool = False,
    anchors: tuple[str, ...] = (),
) -> Rule:
    regex = re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    # Explicit anchors (isotope masses, element names) stay; other rules get the literals every
    # match must hold, so find_mentions can skip a rule whose literals are not in the text.
    return Rule(
        kind=kind,
        canonical=entry["canonical"],
        group=group,
        confidence=float(confidence),
        regex=regex,
        name=name,
        requires_context=entry.get("requires_context"),
        anchors=anchors or required_literals(regex),
    )
