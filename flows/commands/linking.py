"""`radintel evaluate-links`: incident linking measured against a linked-incident gold
file. A thin wrapper over nlp.evaluation.link_gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from flows.errors import UserError

DEFAULT_BATCH = 32


def register(app: typer.Typer) -> None:
    app.command("evaluate-links")(evaluate_links)


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
