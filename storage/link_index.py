"""How linking stores a document: its evidence as JSON (without the text, which stays in the
object store), its MinHash signature as bytes, and the keys candidates are found by
(nlp.linking.blocking keys plus one key per LSH band of the signature)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHashLSH

from nlp.linking.blocking import blocking_keys
from nlp.linking.duplicates import LSH_THRESHOLD, NUM_PERM, minhash
from nlp.linking.evidence import Activity, DocumentEvidence
from nlp.linking.scoring import EvidenceItem, LinkScore

BAND_PREFIX = "band:"
_SETS = (
    "nuclides",
    "material_groups",
    "serials",
    "devices",
    "countries",
    "places",
    "gazetteer_places",
    "people",
    "organisations",
)


def evidence_json(evidence: DocumentEvidence) -> dict[str, Any]:
    """The evidence as JSON; text, shingles and embedding are left out (they are large and
    kept elsewhere: object store, signature, DocumentEmbedding)."""
    values: dict[str, Any] = {name: sorted(getattr(evidence, name)) for name in _SETS}
    values["dates"] = sorted(d.isoformat() for d in evidence.dates)
    values["activities"] = [[a.nuclide, a.becquerel] for a in evidence.activities]
    values["quantities"] = [list(q) for q in evidence.quantities]
    for name in ("document_id", "language", "title", "incident_type", "follow_up"):
        values[name] = getattr(evidence, name)
    for name in ("published", "incident_date"):
        day = getattr(evidence, name)
        values[name] = day.isoformat() if day else None
    return values


def evidence_of(values: Mapping[str, Any], embedding: tuple[float, ...] | None) -> DocumentEvidence:
    sets: dict[str, Any] = {name: frozenset(values.get(name, ())) for name in _SETS}
    return DocumentEvidence(
        document_id=str(values["document_id"]),
        language=str(values.get("language") or ""),
        title=str(values.get("title") or ""),
        published=_day(values.get("published")),
        incident_date=_day(values.get("incident_date")),
        incident_type=str(values.get("incident_type") or ""),
        activities=tuple(Activity(str(n), float(bq)) for n, bq in values.get("activities", ())),
        quantities=tuple((str(m), float(v), str(u)) for m, v, u in values.get("quantities", ())),
        dates=frozenset(date.fromisoformat(d) for d in values.get("dates", ())),
        follow_up=bool(values.get("follow_up")),
        embedding=embedding,
        **sets,
    )


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def signature_bytes(evidence: DocumentEvidence) -> bytes:
    return np.asarray(minhash(evidence.shingles).hashvalues, dtype="<u8").tobytes()


def similarity(left: bytes, right: bytes) -> float:
    """The Jaccard similarity of two documents' shingles, estimated from their signatures."""
    a, b = np.frombuffer(left, dtype="<u8"), np.frombuffer(right, dtype="<u8")
    return float(np.mean(a == b)) if len(a) == len(b) and len(a) else 0.0


@lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    """The (bands, rows) datasketch chooses for the near-duplicate threshold."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def band_keys(signature: bytes) -> set[str]:
    """One key per LSH band: near-duplicates share at least one with high probability."""
    values = np.frombuffer(signature, dtype="<u8")
    bands, rows = _bands()
    return {
        f"{BAND_PREFIX}{i}:{_digest(values[i * rows : (i + 1) * rows].tobytes())}"
        for i in range(bands)
    }


def _digest(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:16]


def index_keys(evidence: DocumentEvidence, signature: bytes) -> set[str]:
    return blocking_keys(evidence) | band_keys(signature)


def evidence_items(score: LinkScore) -> dict[str, Any]:
    return {
        "shared": [asdict(item) for item in score.shared],
        "conflicts": [asdict(item) for item in score.conflicts],
    }


def near_duplicate(left: DocumentEvidence, right: DocumentEvidence, share: float) -> LinkScore:
    """The score of two copies of one story (as nlp.linking.scoring gives it)."""
    item = EvidenceItem("near_duplicate", left.title, right.title, 1.0, f"{share:.0%} shingles")
    return LinkScore(1.0, [item], [])
