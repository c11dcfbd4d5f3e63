"""Places found by spaCy's French and Spanish models, for documents in those languages.

Measured on the gold sets (README "Extraction quality"): merged under the rules, the models'
places raise GPE F1 in French and Spanish on the development and the held-out set, while
their people and organisations do worse than the entity rules on one set or the other, so
only places are taken. A model place is kept when the place lookup knows it (a country or a
city) and fills a gap: its confidence is below every rule and gazetteer finding, so
`entity_findings.merge` keeps theirs where spans overlap."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.language import Language

from nlp.entity_findings import place_finding
from nlp.regex_cache import programs_from_cache
from nlp.textutil import paragraph_chunks
from nlp.types import FindingDraft

PLACE_MODELS = {"fr": "fr_core_news_md", "es": "es_core_news_sm"}
PLACE_LABELS = {"LOC", "GPE"}
UNUSED_COMPONENTS = ["morphologizer", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
PLACE_CONFIDENCE = 0.5  # below the gazetteer (0.7-0.8) and the rules: the model fills gaps
CHUNK_CHARS = 20_000
BATCH_SIZE = 32


@lru_cache(maxsize=2)
def load_place_model(language: str) -> Language:
    """The language's pipeline, NER only, loaded once per process."""
    name = PLACE_MODELS[language]
    with warnings.catch_warnings():
        # es_core_news_sm 3.1.0 was built for spaCy 3.1 and warns (W095) that it may not be
        # fully compatible with 3.8; it loads and works (figures in the README). Only that
        # warning is silenced, only here.
        warnings.filterwarnings("ignore", message=r"\[W095\]", category=UserWarning)
        # Excluded, not loaded then removed: the lemmatizer's lookup tables alone cost
        # half a second of every process that meets a French document. The cached programs
        # spare it two more: those of the French tokenizer's expression (nlp.regex_cache).
        with programs_from_cache():
            nlp = spacy.load(name, exclude=UNUSED_COMPONENTS)
    unused = [p for p in nlp.pipe_names if p not in {"tok2vec", "ner"}]
    if "tok2vec" in nlp.pipe_names and "ner" not in _listeners(nlp.get_pipe("tok2vec")):
        # Both models' NER embeds its own tok2vec (the shared one feeds the parser and the
        # morphologizer): running the shared one cost 40 % of the places' time for nothing,
        # and the entities are the same without it (tests/nlp/test_place_models.py).
        unused.append("tok2vec")
    for component in unused:
        nlp.remove_pipe(component)
    return nlp


def _listeners(tok2vec: object) -> list[str]:
    return list(getattr(tok2vec, "listening_components", []))


def model_version(language: str) -> str:
    meta = load_place_model(language).meta
    return f"spacy-{meta['lang']}_{meta['name']}-{meta['version']}"


def model_places(language: str, texts: Sequence[str]) -> list[list[FindingDraft]]:
    """GPE findings per text, offsets into that text; one nlp.pipe over every chunk."""
    nlp = load_place_model(language)
    version = model_version(language)
    items = [
        (text[c.start : c.end], (i, c.start))
        for i, text in enumerate(texts)
        for c in paragraph_chunks(text, CHUNK_CHARS)
    ]
    found: list[list[FindingDraft]] = [[] for _ in texts]
    for doc, (index, offset) in nlp.pipe(items, as_tuples=True, batch_size=BATCH_SIZE):
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            start, end = ent.start_char + offset, ent.end_char + offset
            finding = place_finding(texts[index], start, end, PLACE_CONFIDENCE, version)
            if finding is not None:
                found[index].append(finding)
    return found
