"""Incident linking, pure: which reports describe the same incident, and why.

Steps, each usable on its own by the storage side (proposals table, SQL candidates,
accept/reject, the `link` flow task):

1. `evidence.evidence_from(LinkDocument, findings) -> DocumentEvidence`: normalised,
   specific evidence of one document (canonical nuclides, activities in Bq, serials,
   devices, ISO countries, gazetteer places, people, organisations, ISO dates, follow-up
   cue, word shingles, optional MiniLM embedding). `findings` are FindingDraft objects or
   storage Finding rows (anything with label, text, normalized, attributes).
2. `blocking.blocking_keys(evidence) -> set[str]`: the keys a SQL candidate query can
   index (one row per document and key); `blocking.candidate_pairs(evidences)` does the
   same in memory, generic blocks capped, near-linear in the number of documents.
3. `scoring.score_pair(a, b) -> LinkScore(score, shared, conflicts)`: the evidence both
   share and what disagrees, as EvidenceItem(kind, left, right, weight, note) rows to
   show side by side; weights and windows in `weights.py` (LINK_THRESHOLD is the cut).
4. `duplicates.story_groups(evidences) -> list[list[int]]`: syndicated copies (MinHash
   LSH, datasketch), one story with several outlets, one source for credibility.
5. `cluster.form_clusters(size, scores, groups=story_groups) -> list[list[int]]`: incidents,
   average-link so that one weak bridge cannot chain two confusable incidents.

`link_documents(evidences)` runs 2-5 over a batch in memory (the evaluation does this).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nlp.linking.blocking import candidate_pairs
from nlp.linking.cluster import form_clusters
from nlp.linking.duplicates import duplicate_pairs, story_groups
from nlp.linking.evidence import DocumentEvidence
from nlp.linking.scoring import LinkScore, score_pair
from nlp.linking.weights import LINK_THRESHOLD


@dataclass(frozen=True)
class Linking:
    candidates: int  # pairs scored
    scores: dict[tuple[int, int], LinkScore]
    stories: list[list[int]]
    clusters: list[list[int]]


def link_documents(
    evidences: Sequence[DocumentEvidence],
    *,
    threshold: float = LINK_THRESHOLD,
    max_block: int | None = None,
) -> Linking:
    pairs = candidate_pairs(evidences, max_block=max_block) | duplicate_pairs(evidences)
    scores = {(i, j): score_pair(evidences[i], evidences[j]) for i, j in sorted(pairs)}
    stories = story_groups(evidences)
    numbers = {pair: link.score for pair, link in scores.items()}
    clusters = form_clusters(len(evidences), numbers, threshold=threshold, groups=stories)
    return Linking(len(pairs), scores, stories, clusters)
