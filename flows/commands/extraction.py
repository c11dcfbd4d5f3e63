"""`radintel extract` (JSONL in, JSONL out, no database) and `radintel evaluate` (scores
against a gold file). Thin wrappers over nlp.pipeline and nlp.evaluation.score."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.progress import Progress

from flows.errors import UserError
from flows.runtime import skip_teardown

DEFAULT_BATCH = 32


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("evaluate")(evaluate)


def extract(
    input: Annotated[
        Path | None, typer.Option("--input", help="JSONL: one {id, text, language?} per line")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", help="JSONL file to write the results to")
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = DEFAULT_BATCH,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="processes for --input (default RADINTEL_EXTRACT_WORKERS, else the usable "
            "CPUs up to 4); one for inputs of two batches or fewer",
        ),
    ] = None,
) -> None:
    """Extract findings and an assessment for every document of a JSONL file (--input and
    --output, no database), or, without them, for every stored document awaiting extraction."""
    if input is None and output is None:
        if workers is not None:
            raise UserError("--workers applies to --input; stored documents use `radintel deploy`")
        _extract_stored(batch_size)
        return
    if input is None or output is None:
        raise UserError(
            "--input and --output go together (or give neither to extract stored documents)"
        )
    _extract_file(input, output, batch_size, workers)


def _extract_stored(batch_size: int) -> None:
    from flows.extract import extract_flow

    counts = extract_flow(batch_size=batch_size)
    summary = ", ".join(f"{key} {value}" for key, value in sorted(counts.items()))
    typer.echo(f"extraction: {summary or 'nothing awaiting extraction'}")
    if counts.get("failed"):
        typer.echo("failures are listed by `radintel status` and on the dashboard", err=True)


def _extract_file(input: Path, output: Path, batch_size: int, workers: int | None) -> None:
    from flows.extract_pool import WorkerFailed

    if not input.is_file():
        raise UserError(f"input file not found: {input}")
    failures = 0
    total = sum(1 for _ in input.open(encoding="utf-8"))
    count = _worker_count(workers, batches=-(-total // batch_size))
    with output.open("w", encoding="utf-8") as sink, _progress(total) as advance:
        try:
            for (_, size, bad), lines in _extracted(input, batch_size, count):
                failures += bad
                sink.writelines(lines)
                advance(size + bad)
        except WorkerFailed as error:
            where = f" (batch from line {error.tag[0]})" if isinstance(error.tag, tuple) else ""
            raise UserError(f"extraction failed{where}: {error}") from error
    skip_teardown()  # the output is closed: nothing left that the teardown would finish
    if failures:
        typer.echo(f"{failures} input line(s) skipped", err=True)
        raise typer.Exit(code=1)


def _worker_count(requested: int | None, *, batches: int) -> int:
    """One process unless the input has enough batches to pay for another model load in
    each further worker: a one-document run starts no pool and loads its models once."""
    if batches <= 2:
        return 1
    from flows.settings import get_flow_settings

    wanted = requested or get_flow_settings().extract_workers
    return max(1, min(wanted, batches))


BatchTag = tuple[int, int, int]  # a batch's first line, its documents and its bad lines
Batch = tuple[BatchTag, list[Any]]  # the tag and the documents


def _extracted(input: Path, batch_size: int, workers: int) -> Iterator[tuple[BatchTag, list[str]]]:
    """Each batch's (first line, documents, bad lines) and output lines, in input order."""
    from flows.extract_pool import OrderedPool, extract_lines, result_lines, start_extractor

    if workers == 1:
        from nlp.pipeline import Extractor

        extractor = Extractor()
        for tag, batch in _batches(input, batch_size):
            yield tag, result_lines(extractor, batch)
        return
    pool: OrderedPool[BatchTag, list[Any], list[str]] = OrderedPool(
        extract_lines, workers=workers, initializer=start_extractor
    )
    yield from pool.map(_batches(input, batch_size))


def _batches(path: Path, size: int) -> Iterator[Batch]:
    from nlp.types import InputDocument

    batch: list[InputDocument] = []
    bad = 0
    first = 1
    with path.open(encoding="utf-8") as source:
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            try:
                batch.append(_document(line, InputDocument))
            except ValueError as error:
                typer.echo(f"line {number}: {error}", err=True)
                bad += 1
            if len(batch) >= size:
                yield (first, len(batch), bad), batch
                batch, bad, first = [], 0, number + 1
    if batch or bad:
        yield (first, len(batch), bad), batch


def _document(line: str, factory: Any) -> Any:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg})") from error
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    identifier, text, language = record.get("id"), record.get("text"), record.get("language")
    if not isinstance(identifier, str | int) or isinstance(identifier, bool) or identifier == "":
        raise ValueError("missing or invalid 'id'")
    if not isinstance(text, str):
        raise ValueError("missing or invalid 'text'")
    if language is not None and not isinstance(language, str):
        raise ValueError("invalid 'language'")
    return factory(id=str(identifier), text=text, language=language or None)


class _progress:
    """A rich progress bar on a terminal, nothing otherwise."""

    def __init__(self, total: int, stream: TextIO = sys.stderr) -> None:
        self.enabled = stream.isatty()
        self.progress = Progress(transient=True) if self.enabled else None
        self.total = total

    def __enter__(self) -> Any:
        if self.progress is None:
            return lambda n: None
        self.progress.start()
        task = self.progress.add_task("extracting", total=self.total)
        return lambda n: self.progress.advance(task, n) if self.progress else None

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()


def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="gold JSONL file")],
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = DEFAULT_BATCH,
) -> None:
    """Run the extractor on a gold file's texts and print precision/recall/F1 and accuracies."""
    from nlp.evaluation.score import GoldFormatError, format_report, load_gold
    from nlp.evaluation.score import evaluate as score
    from nlp.pipeline import Extractor
    from nlp.records import result_record
    from nlp.types import InputDocument

    if not gold.is_file():
        raise UserError(f"gold file not found: {gold}")
    try:
        documents = load_gold(gold)
    except GoldFormatError as error:
        raise UserError(f"{gold}: {error}") from error
    extractor = Extractor()
    predicted: dict[str, dict[str, Any]] = {}
    for begin in range(0, len(documents), batch_size):
        batch = [
            InputDocument(id=str(d["id"]), text=d["text"], language=d.get("language"))
            for d in documents[begin : begin + batch_size]
        ]
        for result in extractor.extract_batch(batch):
            predicted[result.id] = result_record(result)
    report = score(documents, predicted)
    typer.echo(json.dumps(report, indent=2) if as_json else format_report(report))
