"""Tokens, candidate spans and word-sequence matching shared by the entity rules."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TOKEN = re.compile(r"(?<![^\W_])(?:[LlDd]|[Qq]u)['’](?=[^\W\d_])|[^\W_]+(?:[-'’][^\W_]+)*|\S")
BREAKS = {".", "!", "?", "—", "–", ":", ";", "«", "»", '"', "“", "”", "(", ")"}


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    initial: bool  # first word of a sentence, heading or dateline


@dataclass(frozen=True)
class Candidate:
    label: str
    start: int
    end: int
    confidence: float


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    initial = True
    previous_end = 0
    for match in TOKEN.finditer(text):
        if "\n" in text[previous_end : match.start()]:
            initial = True
        word = match.group()
        tokens.append(Token(word, match.start(), match.end(), initial))
        initial = word in BREAKS
        previous_end = match.end()
    return tokens


class Phrases:
    """Word sequences matched on whole tokens, longest first."""

    def __init__(self, entries: Iterable[object], *, case_sensitive: bool) -> None:
        self.case_sensitive = case_sensitive
        self.index: dict[str, list[tuple[str, ...]]] = {}
        for entry in entries:
            text = self.key(str(entry))
            elided = text.endswith(("'", "’"))  # "de l'": tokenised as in "de l'énergie"
            words = tuple(TOKEN.findall(text + "x" if elided else text))[: -1 if elided else None]
            if words:
                self.index.setdefault(words[0], []).append(words)
        for options in self.index.values():
            options.sort(key=len, reverse=True)

    def key(self, text: str) -> str:
        return text if self.case_sensitive else text.lower()

    def match(self, tokens: Sequence[Token], i: int, first: str | None = None) -> int:
        """Number of tokens of the longest entry starting at tokens[i] (0 if none);
        `first` replaces the text of tokens[i] (a word stripped of a proclitic)."""
        if i >= len(tokens):
            return 0
        # Called at almost every token for each phrase list (half a million times per
        # thousand documents) and mostly finds nothing: key() is inlined for that case.
        word = tokens[i].text if first is None else first
        options = self.index.get(word if self.case_sensitive else word.lower())
        if not options:
            return 0
        for words in options:
            if i + len(words) <= len(tokens) and all(
                self.key(tokens[i + k].text) == w for k, w in enumerate(words[1:], start=1)
            ):
                return len(words)
        return 0

    def __contains__(self, word: object) -> bool:
        text = self.key(str(word))
        return (text,) in self.index.get(text, ())


def alternation(words: Sequence[str]) -> re.Pattern[str] | None:
    """One regex matching any of `words` as whole words, longest first."""
    if not words:
        return None
    ordered = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(ordered) + r")(?![\w'’-])")


def resolve(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Longest span first, then the most confident; no overlaps."""
    kept: list[Candidate] = []
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.confidence, c.start))
    for candidate in ordered:
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def repeated(
    text: str, found: Sequence[Candidate], label: str, confidence: float, *, surnames: bool
) -> list[Candidate]:
    """Other occurrences of the `label` names in `found` (and of their last word when
    `surnames`), so a name introduced once is found at each mention."""
    names: set[str] = set()
    for candidate in found:
        if candidate.label != label:
            continue
        name = text[candidate.start : candidate.end]
        names.add(name)
        words = name.split()
        if surnames and len(words) > 1 and len(words[-1]) >= 3:
            names.add(words[-1])
    pattern = alternation(sorted(names))
    if pattern is None:
        return []
    return [Candidate(label, m.start(), m.end(), confidence) for m in pattern.finditer(text)]
