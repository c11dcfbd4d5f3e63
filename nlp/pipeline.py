"""The extraction pipeline: one Extractor per process, documents in batches.

Per batch: language detection, cheap triage, then for triaged documents only spaCy
(nlp.pipe over English chunks), material rules, cues and embeddings (one batched model
call), and for every document the cheap gazetteer places and date patterns. Documents
that fail triage get relevance 0, no MATERIAL findings and embedding None; documents the
rules judge irrelevant also get embedding None (embeddings serve incident linking and
search, which concern relevant documents, and the model is the costliest step)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
from spacy.language import Language

from nlp import cache
from nlp import entity_findings as ef
from nlp.assess import assess, could_be_relevant
from nlp.cues import CueHit, load_cues
from nlp.embeddings import SentenceEncoder, document_vector, get_encoder
from nlp.entities import ParsedChunk, entity_spans, load_spacy, run_spacy, tree_distance
from nlp.entity_rules import entity_rule_findings, load_entity_rules
from nlp.language import detect_language, is_covered
from nlp.materials import DEFAULT_VERSION as MATERIALS_VERSION
from nlp.materials import Mentions, material_mentions, needs_parse, scan_materials
from nlp.place_models import PLACE_MODELS, model_places
from nlp.settings import NlpSettings, get_nlp_settings
from nlp.textutil import Segment, paragraph_chunks, sentences
from nlp.triage import mentions_rn_terms
from nlp.types import DocumentAssessment, ExtractionResult, FindingDraft, InputDocument
from nlp.uncovered import queue_uncovered
from nlp.vocabulary import IncidentType, IntentGroup, Label

if TYPE_CHECKING:  # torch and transformers are imported when a model is first needed
    from nlp.transformer_ner import TransformerNer

PIPELINE_VERSION = "radintel-extract/1.1"  # 1.1: incident dates, date patterns v2
EMBED_CHUNK_CHARS = 1200
SENTENCE_TOKENS = 64
Suppressions = Mapping[str, Collection[tuple[str, str]]]
PLACE_OVER = {Label.PERSON, Label.ORG}  # labels a gazetteer place replaces on the same span
_IRRELEVANT = DocumentAssessment(
    False, 0.0, IncidentType.NONE, IntentGroup.NOT_CONNECTED, [], None, []
)


@dataclass
class _Work:
    doc: InputDocument
    language: str
    triaged: bool
    reference: date | None
    chunks: list[ParsedChunk]
    findings: list[FindingDraft]
    cue_hits: list[CueHit]
    sentences: list[Segment]
    mentions: Mentions | None = None  # the material rules' matches, for triaged documents
    model_places: list[FindingDraft] = field(default_factory=list)  # fr/es statistical places


class Extractor:
    """Loads models lazily, once; `extract_batch` is safe to call repeatedly."""

    def __init__(self, settings: NlpSettings | None = None, *, use_embeddings: bool = True) -> None:
        self.settings = settings or get_nlp_settings()
        self.use_embeddings = use_embeddings
        self.cues = load_cues()

    @cached_property
    def nlp(self) -> Language:
        return load_spacy(self.settings.spacy_model)

    @cached_property
    def spacy_version(self) -> str:
        return f"spacy-{self.nlp.meta['name']}-{self.nlp.meta['version']}"

    @cached_property
    def version(self) -> str:
        rules = load_entity_rules().version
        return (
            f"{PIPELINE_VERSION}+{MATERIALS_VERSION}+{self.cues.version}+{self.spacy_version}"
            f"+{rules}"
        )

    @cached_property
    def encoder(self) -> SentenceEncoder:
        encoder = get_encoder()
        encoder.batch_size = self.settings.embedding_batch_size
        encoder.threads = self.settings.torch_threads
        return encoder

    @cached_property
    def transformer_ner(self) -> TransformerNer | None:
        path = self.settings.ner_model_path
        if path is None:
            return None
        import torch

        from nlp.transformer_ner import TransformerNer

        if self.settings.torch_threads:  # process-wide, as for the encoder
            torch.set_num_threads(self.settings.torch_threads)
        return TransformerNer(path)

    @cached_property
    def _prototypes(self) -> tuple[list[str], np.ndarray]:
        labels: list[str] = []
        texts: list[str] = []
        for kind, examples in self.cues.incident_prototypes.items():
            labels.extend([kind] * len(examples))
            texts.extend(examples)
        labels.extend(["routine"] * len(self.cues.routine_prototypes))
        texts.extend(self.cues.routine_prototypes)
        key = cache.digest([*self.encoder.identity(), str(SENTENCE_TOKENS), *texts])
        vectors = cache.cached(
            "prototypes", key, lambda: self.encoder.encode(texts, max_tokens=SENTENCE_TOKENS)
        )
        return labels, vectors

    def extract_batch(
        self,
        docs: Sequence[InputDocument],
        *,
        suppressions: Suppressions | None = None,
        reference_dates: Mapping[str, date] | None = None,
    ) -> list[ExtractionResult]:
        """Findings, assessment and embedding for each document, in input order.
        `suppressions[doc.id]` holds (label, casefolded text) pairs never to propose;
        `reference_dates[doc.id]` (publication date) anchors relative dates."""
        work = [self._start(d, (reference_dates or {}).get(d.id)) for d in docs]
        self._run_spacy(work)
        for item in work:
            self._findings(item)
            item.findings = _suppressed(item.findings, (suppressions or {}).get(item.doc.id, ()))
        embeddings, similarities = self._embed(work)
        return [
            ExtractionResult(
                id=item.doc.id,
                language=item.language,
                findings=item.findings,
                assessment=self._assess(item, similarities.get(i)),
                embedding=embeddings.get(i),
                extractor_version=self.version,
            )
            for i, item in enumerate(work)
        ]

    def _start(self, doc: InputDocument, reference: date | None) -> _Work:
        language = detect_language(doc.text, doc.language) or doc.language or "und"
        triaged = mentions_rn_terms(doc.text)
        mentions = material_mentions(doc.text) if triaged else None
        return _Work(doc, language, triaged, reference, [], [], [], sentences(doc.text), mentions)

    def _run_spacy(self, work: list[_Work]) -> None:
        self._run_place_models(work)
        english = [w for w in work if w.triaged and w.language == "en"]
        if not english:
            return
        parse = [needs_parse(w.doc.text, w.language, mentions=w.mentions) for w in english]
        chunks = run_spacy(self.nlp, [w.doc.text for w in english], parse)
        for item, doc_chunks in zip(english, chunks, strict=True):
            item.chunks = doc_chunks

    @staticmethod
    def _run_place_models(work: list[_Work]) -> None:
        """French and Spanish statistical places (nlp/place_models.py), one batch per
        language over the triaged documents."""
        for language in PLACE_MODELS:
            chosen = [w for w in work if w.triaged and w.language == language]
            if chosen:
                found = model_places(language, [w.doc.text for w in chosen])
                for item, places in zip(chosen, found, strict=True):
                    item.model_places = places

    def _findings(self, item: _Work) -> None:
        text, language = item.doc.text, item.language
        materials: list[FindingDraft] = []
        excluded: list[tuple[int, int]] = []
        if item.triaged:
            distance = tree_distance(item.chunks) if item.chunks else None
            materials, excluded = scan_materials(
                text, language, tree_distance=distance, mentions=item.mentions
            )
            item.cue_hits = self.cues.find(text)
        names = entity_rule_findings(text, language)
        kept = ef.materials_outside_names(materials, names)
        if len(kept) < len(materials):  # their spans no longer keep other findings out
            named = [m for m in materials if m not in kept]
            excluded = [span for span in excluded if not _overlaps_any(span, named)]
            materials = kept
        groups: list[list[FindingDraft]] = []
        if item.chunks:
            found = entity_spans(item.chunks, excluded)
            spacy_found = ef.spacy_findings(
                text, found, language, item.reference, self.spacy_version
            )
            patterns = ef.pattern_date_findings(text, language, item.reference)
            groups.append(ef.widen_dates(spacy_found, patterns))
            groups.append(ef.outside(patterns, spacy_found))
        else:
            groups.append(ef.pattern_date_findings(text, language, item.reference))
        if item.triaged and self.transformer_ner is not None:
            predicted = self.transformer_ner.predict([text])[0]
            groups.append(ef.transformer_findings(text, predicted, self._ner_version))
        groups.append(item.model_places)
        places = ef.gazetteer_findings(text, language)
        spans = {(p.start, p.end) for p in places}
        groups = [
            [f for f in g if not (f.label in PLACE_OVER and (f.start, f.end) in spans)]
            for g in groups
        ]
        groups.append(places)
        rules = ef.name_countries(names, [f for g in groups for f in g])
        groups = [ef.outside_names(g, rules) for g in groups]
        groups.append(rules)
        entities = [f for f in ef.merge(*groups) if not _overlaps(f, excluded)]
        item.findings = sorted(materials + entities, key=lambda f: (f.start, f.end))

    @cached_property
    def _ner_version(self) -> str:
        path = self.settings.ner_model_path
        return f"transformer-{path.name}" if path else "transformer-off"

    def _embed(
        self, work: list[_Work]
    ) -> tuple[dict[int, list[float]], dict[int, dict[str, float]]]:
        """One batched model call over the chunks of the documents the rules find relevant:
        their document vectors, and for English their similarity to the prototypes."""
        if not self.use_embeddings:
            return {}, {}
        texts: list[str] = []
        owners: list[int] = []
        for i, item in enumerate(work):
            if not item.triaged or not (
                could_be_relevant(item.doc.text, item.findings, item.sentences, item.cue_hits)
                or not is_covered(item.language)  # may be queued for review by queue_uncovered
            ):
                continue
            chunks = paragraph_chunks(item.doc.text, EMBED_CHUNK_CHARS)
            texts.extend(item.doc.text[c.start : c.end] for c in chunks[: self._max_chunks])
            owners.extend(i for _ in chunks[: self._max_chunks])
        if not texts:
            return {}, {}
        vectors = self.encoder.encode(texts, max_tokens=self.settings.embedding_max_tokens)
        labels, prototypes = self._prototypes
        scores = vectors @ prototypes.T
        embeddings: dict[int, list[float]] = {}
        similarities: dict[int, dict[str, float]] = {}
        for i in dict.fromkeys(owners):
            rows = [k for k, owner in enumerate(owners) if owner == i]
            embeddings[i] = document_vector(vectors[rows])
            if work[i].language == "en":
                similarities[i] = _best_per_label(labels, scores[rows])
        return embeddings, similarities

    @property
    def _max_chunks(self) -> int:
        return self.settings.embedding_max_chunks

    def _assess(self, item: _Work, similarity: dict[str, float] | None) -> DocumentAssessment:
        if not item.triaged:
            return _IRRELEVANT
        assessment = assess(
            item.doc.text, item.findings, item.sentences, item.cue_hits, similarity, item.reference
        )
        return queue_uncovered(assessment, item.language, item.findings)


def _best_per_label(labels: Sequence[str], scores: np.ndarray) -> dict[str, float]:
    best: dict[str, float] = {}
    for label, column in zip(labels, scores.max(axis=0), strict=True):
        best[label] = max(best.get(label, -1.0), float(column))
    return best


def _overlaps_any(span: tuple[int, int], findings: Sequence[FindingDraft]) -> bool:
    return any(f.start < span[1] and span[0] < f.end for f in findings)


def _overlaps(finding: FindingDraft, spans: Sequence[tuple[int, int]]) -> bool:
    return any(finding.start < e and s < finding.end for s, e in spans)


def _suppressed(
    findings: list[FindingDraft], pairs: Collection[tuple[str, str]]
) -> list[FindingDraft]:
    if not pairs:
        return findings
    blocked = {(label, text.casefold()) for label, text in pairs}
    return [f for f in findings if (f.label, f.text.casefold()) not in blocked]
