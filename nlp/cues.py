"""Loads the versioned incident-cue file (nlp/data/cues-v2.yaml) into compiled patterns."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nlp.data_files import read_yaml
from nlp.regex_literals import may_match, required_literals

CUES_DIR = Path(__file__).parent / "data"
DEFAULT_VERSION = "cues-v2"


@dataclass(frozen=True)
class CueHit:
    kind: str  # an incident type, "routine", "hypothetical" or "malicious"
    start: int
    end: int
    weight: float


@dataclass(frozen=True)
class CuePattern:
    """One cue regex and the casefolded literals one of which each of its matches holds."""

    regex: re.Pattern[str]
    anchors: tuple[str, ...]  # () when none could be proved: the regex always runs

    def finditer(self, text: str, folded: str) -> Iterator[re.Match[str]]:
        # Most of the 12 languages' patterns cannot match a given document: an `in` test on
        # the casefolded text is much cheaper than running the regex to find that out.
        if not may_match(self.anchors, folded):
            return iter(())
        return self.regex.finditer(text)


@dataclass(frozen=True)
class Cues:
    version: str
    types: dict[str, tuple[float, tuple[CuePattern, ...]]]
    malicious: tuple[CuePattern, ...]
    routine: tuple[float, tuple[CuePattern, ...]]
    hypothetical: tuple[float, tuple[CuePattern, ...]]
    incident_prototypes: dict[str, tuple[str, ...]]
    routine_prototypes: tuple[str, ...]

    def find(self, text: str) -> list[CueHit]:
        hits = []
        folded = text.casefold()
        for kind, (weight, patterns) in self.types.items():
            hits.extend(_hits(kind, weight, patterns, text, folded))
        hits.extend(_hits("routine", self.routine[0], self.routine[1], text, folded))
        hits.extend(_hits("hypothetical", self.hypothetical[0], self.hypothetical[1], text, folded))
        hits.extend(_hits("malicious", 1.0, self.malicious, text, folded))
        return sorted(hits, key=lambda h: h.start)


def _hits(
    kind: str, weight: float, patterns: tuple[CuePattern, ...], text: str, folded: str
) -> list[CueHit]:
    # The languages' lists overlap ("terror\w*" is English and German): a word found by two
    # patterns of one kind is one cue, not two.
    spans = {(m.start(), m.end()) for p in patterns for m in p.finditer(text, folded)}
    return [CueHit(kind, start, end, weight) for start, end in sorted(spans)]


@lru_cache(maxsize=2)
def load_cues(version: str = DEFAULT_VERSION) -> Cues:
    data = read_yaml(CUES_DIR / f"{version}.yaml")
    types = {
        name: (float(entry["weight"]), _compiled(entry["patterns"]))
        for name, entry in data["types"].items()
    }
    routine = (
        float(data["routine"]["weight"]),
        _compiled(data["routine"]["patterns"]),
    )
    hypothetical = (
        float(data["hypothetical"]["weight"]),
        _compiled(data["hypothetical"]["patterns"]),
    )
    prototypes = data["prototypes"]
    return Cues(
        version=data["version"],
        types=types,
        malicious=_compiled(data["malicious"]),
        routine=routine,
        hypothetical=hypothetical,
        incident_prototypes={k: tuple(v) for k, v in prototypes["incident"].items()},
        routine_prototypes=tuple(prototypes["routine"]),
    )


def _compiled(patterns: list[str]) -> tuple[CuePattern, ...]:
    regexes = [re.compile(p) for p in patterns]
    return tuple(CuePattern(regex, required_literals(regex)) for regex in regexes)
