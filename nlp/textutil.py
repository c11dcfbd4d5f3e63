"""Offset-preserving text helpers: character normalisation, sentences and paragraph chunks."""

from __future__ import annotations

import re
from dataclasses import dataclass

# One character in, one character out: offsets in the normalised text equal the original's.
_CHAR_MAP = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Extended Arabic-Indic digits
        "\u066b": ".",  # Arabic decimal separator
        "\u066c": ",",  # Arabic thousands separator
        "\u066a": "%",  # Arabic percent sign
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u03bc": "µ",  # Greek mu to micro sign
        "\u2019": "'",
        "\u060c": ",",  # Arabic comma
        "\u061b": ";",  # Arabic semicolon
        "\u061f": "?",  # Arabic question mark
    }
)

# A sentence starts with a capital (Latin incl. Latin Extended-A such as Ł, Ş; Greek; Cyrillic),
# a digit, or a letter of a script without case (Arabic, Georgian).
_SENTENCE_START = (
    "A-ZÀ-ÖØ-Þ\u0100-\u017f\u0391-\u03a9\u0400-\u042f\u0490\u10d0-\u10ff0-9\u0600-\u06ff"
)
_SENTENCE_END = re.compile(
    rf"(?<=[.!?。])[\"')\]»”]*\s+(?=[\"'(«“„]?[{_SENTENCE_START}])|\n\s*\n|\n(?=\s*[-•*])"
)
_ABBREVIATIONS = (
    "e.g.",
    "i.e.",
    "Mr.",
    "Mrs.",
    "Dr.",
    "St.",
    "U.S.",
    "U.K.",
    "No.",
    "approx.",
    "M.",
    "Sr.",
)


@dataclass(frozen=True)
class Segment:
    start: int
    end: int


def normalise_chars(text: str) -> str:
    """Same-length copy of `text` with digits, dashes and spaces unified."""
    return text.translate(_CHAR_MAP)


def sentences(text: str) -> list[Segment]:
    """Sentence spans (language-independent, rule-based)."""
    segments: list[Segment] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start : match.start()]
        if head.rstrip().endswith(_ABBREVIATIONS) and "\n" not in match.group(0):
            continue
        if head.strip():
            segments.append(_trimmed(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        segments.append(_trimmed(text, start, len(text)))
    return segments


def _trimmed(text: str, start: int, end: int) -> Segment:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(start, end)


def paragraph_chunks(text: str, max_chars: int) -> list[Segment]:
    """Consecutive paragraph groups of at most `max_chars` (longer paragraphs are cut at
    sentence ends, then hard-cut), covering the text with offsets into it."""
    pieces: list[Segment] = []
    for paragraph in _paragraphs(text):
        pieces.extend(_split_long(text, paragraph, max_chars))
    chunks: list[Segment] = []
    for piece in pieces:
        if chunks and piece.end - chunks[-1].start <= max_chars:
            chunks[-1] = Segment(chunks[-1].start, piece.end)
        else:
            chunks.append(piece)
    return chunks


def _paragraphs(text: str) -> list[Segment]:
    result: list[Segment] = []
    start = 0
    for match in re.finditer(r"\n\s*\n", text):
        if text[start : match.start()].strip():
            result.append(Segment(start, match.start()))
        start = match.end()
    if text[start:].strip():
        result.append(Segment(start, len(text)))
    return result


def _split_long(text: str, segment: Segment, max_chars: int) -> list[Segment]:
    if segment.end - segment.start <= max_chars:
        return [segment]
    result: list[Segment] = []
    for sentence in sentences(text[segment.start : segment.end]):
        start, end = segment.start + sentence.start, segment.start + sentence.end
        while end - start > max_chars:
            result.append(Segment(start, start + max_chars))
            start += max_chars
        if result and end - result[-1].start <= max_chars:
            result[-1] = Segment(result[-1].start, end)
        else:
            result.append(Segment(start, end))
    return result
