"""`radintel link`: propose incident links for the relevant documents not yet indexed
(flows/link.py); `radintel evaluate-links`: incident linking measured against a
linked-incident gold file (nlp.evaluation.link_gold). Thin wrappers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from flows.errors import UserError

DEFAULT_BATCH = 32


def register(app: typer.Typer) -> None:
    app.command("link")(link)
    app.command("evaluate-links")(evaluate_links)


def link(
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
) -> None:
    """Index the relevant documents linking has not seen yet and propose links for them;
    print the new proposals (review them on the "Link proposals" page)."""
    from flows.link import link_flow
    from storage.db import session_scope
    from storage.models import Document

    proposals = link_flow()
    with session_scope() as session:
        ids = {d for p in proposals for d in (p.left_document_id, p.right_document_id) if d}
        documents = {d: session.get(Document, d) for d in ids}
        records = [_record(p, documents) for p in proposals]
    if as_json:
        typer.echo(json.dumps({"proposals": records}, indent=2, ensure_ascii=False))
        return
    for record in records:
        typer.echo(_line(record))
    typer.echo(f"{len(records)} new link proposal(s)")


def _record(proposal: Any, documents: dict[int, Any]) -> dict[str, Any]:
    """A proposal as the issue specifies: score, documents, incident id, evidence (the
    shared items, then the conflicting ones with "conflict": true)."""
    ids = [d for d in (proposal.left_document_id, proposal.right_document_id) if d]
    shared = [{**item, "conflict": False} for item in proposal.evidence.get("shared", [])]
    conflicts = [{**item, "conflict": True} for item in proposal.evidence.get("conflicts", [])]
    return {
        "score": proposal.score,
        "documents": [
            {"id": d, "external_id": documents[d].external_id, "title": documents[d].title}
            for d in ids
            if documents.get(d) is not None
        ],
        "incident_id": proposal.incident_id,
        "evidence": shared + conflicts,
    }


def _line(record: dict[str, Any]) -> str:
    """One line per proposal; titles come from documents, so control characters go."""
    titles = " <-> ".join(
        _printable(d["title"] or f"document {d['id']}") for d in record["documents"]
    )
    target = f" (incident {record['incident_id']})" if record["incident_id"] else ""
    return f"{record['score']:.2f}{target}: {titles}"


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)[:80]


def evaluate_links(
    gold: Annotated[Path, typer.Option("--gold", help="linked-incident gold JSONL file")],
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = DEFAULT_BATCH,
) -> None:
    """Extract, link and cluster a gold file's documents; print pairwise and B-cubed
    precision/recall/F1 with the counts of documents, clusters and candidate pairs."""
    from nlp.evaluation import link_gold
    from nlp.evaluation.score import GoldFormatError
    from nlp.pipeline import Extractor

    if not gold.is_file():
        raise UserError(f"gold file not found: {gold}")
    try:
        records = link_gold.load_link_gold(gold)
    except GoldFormatError as error:
        raise UserError(f"{gold}: {error}") from error
    evidences = link_gold.extract_evidence(records, Extractor(), batch_size)
    report = link_gold.evaluate_links(records, evidences)
    typer.echo(json.dumps(report, indent=2) if as_json else link_gold.format_report(report))
