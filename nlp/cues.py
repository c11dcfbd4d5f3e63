"""Loads the versioned incident-cue file (nlp/data/cues-v2.yaml) into compiled patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nlp.data_files import read_yaml

CUES_DIR = Path(__file__).parent / "data"
DEFAULT_VERSION = "cues-v2"


@dataclass(frozen=True)
class CueHit:
    kind: str  # an incident type, "routine", "hypothetical" or "malicious"
    start: int
    end: int
    weight: float


@dataclass(frozen=True)
class Cues:
    version: str
    types: dict[str, tuple[float, tuple[re.Pattern[str], ...]]]
    malicious: tuple[re.Pattern[str], ...]
    routine: tuple[float, tuple[re.Pattern[str], ...]]
    hypothetical: tuple[float, tuple[re.Pattern[str], ...]]
    incident_prototypes: dict[str, tuple[str, ...]]
    routine_prototypes: tuple[str, ...]

    def find(self, text: str) -> list[CueHit]:
        hits = []
        for kind, (weight, patterns) in self.types.items():
            hits.extend(_hits(kind, weight, patterns, text))
        hits.extend(_hits("routine", self.routine[0], self.routine[1], text))
        hits.extend(_hits("hypothetical", self.hypothetical[0], self.hypothetical[1], text))
        hits.extend(_hits("malicious", 1.0, self.malicious, text))
        return sorted(hits, key=lambda h: h.start)


def _hits(
    kind: str, weight: float, patterns: tuple[re.Pattern[str], ...], text: str
) -> list[CueHit]:
    # The languages' lists overlap ("terror\w*" is English and German): a word found by two
    # patterns of one kind is one cue, not two.
    spans = {(m.start(), m.end()) for p in patterns for m in p.finditer(text)}
    return [CueHit(kind, start, end, weight) for start, end in sorted(spans)]


@lru_cache(maxsize=2)
def load_cues(version: str = DEFAULT_VERSION) -> Cues:
    data = read_yaml(CUES_DIR / f"{version}.yaml")
    types = {
        name: (float(entry["weight"]), tuple(re.compile(p) for p in entry["patterns"]))
        for name, entry in data["types"].items()
    }
    routine = (
        float(data["routine"]["weight"]),
        tuple(re.compile(p) for p in data["routine"]["patterns"]),
    )
    hypothetical = (
        float(data["hypothetical"]["weight"]),
        tuple(re.compile(p) for p in data["hypothetical"]["patterns"]),
    )
    prototypes = data["prototypes"]
    return Cues(
        version=data["version"],
        types=types,
        malicious=tuple(re.compile(p) for p in data["malicious"]),
        routine=routine,
        hypothetical=hypothetical,
        incident_prototypes={k: tuple(v) for k, v in prototypes["incident"].items()},
        routine_prototypes=tuple(prototypes["routine"]),
    )
