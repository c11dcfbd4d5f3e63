"""Does a document report a lost or stolen item found or recovered? The one detector that
linking (a follow-up months later) and alert matching (close the alert) both use: the cue
words of FOLLOW_UP_CUE (en/fr/es/ar) plus more languages (data/recovery-cues-v1.yaml).
The orphan-source cues of nlp/data/cues-v1.yaml are left out on purpose: "scrap yard" or
"portal alarm" describe where a theft happened as often as a find. A cue preceded in its
sentence by a negation ("has not been found", "n'a toujours pas été retrouvée", "لم يتم العثور")
or an aim ("efforts to recover") does not count."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nlp.data_files import read_yaml

CUES_FILE = Path(__file__).parent / "data" / "recovery-cues-v1.yaml"
# A later report that the item was found: such a report may come months after the theft.
FOLLOW_UP_CUE = re.compile(
    r"\b(?:found|recovered|retrieved|retrouv\w*|récupér\w*|"
    r"recuper\w*|encontrad\w*|hallad\w*|localizad\w*)\b|عثر|عثور|استعاد|استرجاع",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?;\n。؟]")
_WORDS = re.compile(r"\S+")


@dataclass(frozen=True)
class RecoveryCues:
    found: tuple[re.Pattern[str], ...]
    negations: tuple[re.Pattern[str], ...]
    intents: tuple[re.Pattern[str], ...]
    window_words: int


@lru_cache(maxsize=1)
def recovery_cues() -> RecoveryCues:
    data = read_yaml(CUES_FILE)

    def compiled(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in data[key])

    return RecoveryCues(
        found=(FOLLOW_UP_CUE, *compiled("found")),
        negations=compiled("negations"),
        intents=compiled("intents"),
        window_words=int(data["negation_window_words"]),
    )


def recovery_cue(text: str) -> tuple[int, int] | None:
    """The span of the first cue that reports the item found, or None."""
    cues = recovery_cues()
    for pattern in cues.found:
        for match in pattern.finditer(text):
            if not _negated(text, match.start(), cues):
                return match.start(), match.end()
    return None


def reports_recovery(text: str) -> bool:
    return recovery_cue(text) is not None


def _negated(text: str, start: int, cues: RecoveryCues) -> bool:
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    before = text[sentence_start:start]
    words = _WORDS.findall(before)[-cues.window_words :]
    window = " ".join(words)
    if any(p.search(window) for p in cues.negations):
        return True
    return any(p.search(before.rstrip()) for p in cues.intents)
