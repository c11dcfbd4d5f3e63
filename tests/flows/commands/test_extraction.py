"""`radintel extract` and `radintel evaluate` through Typer's CliRunner."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from flows.commands.extraction import register

SAMPLE_GOLD = Path(__file__).parents[2] / "nlp" / "data" / "gold_sample.jsonl"


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.callback()
    def main() -> None:
        """Test application."""

    return app


def test_extract_end_to_end(tmp_path: Path) -> None:
    source = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "1", "text": "Thieves stole a Cs-137 source of 2 Ci in Lyon, France.",
                    "extra": "ignored"}),
        "not json",
        json.dumps({"id": 2, "text": "Sunny weather in Madrid today.", "language": "en"}),
        json.dumps({"text": "no id"}),
    ]  # fmt: skip
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        _app(), ["extract", "--input", str(source), "--output", str(output), "--batch-size", "1"]
    )
    assert result.exit_code == 1, result.output
    assert "line 2" in result.output and "line 4" in result.output
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["1", "2"]
    first = records[0]
    assert set(first) >= {"id", "relevant", "relevance", "incident_type", "intent_group",
                          "countries", "incident_date", "findings"}  # fmt: skip
    assert first["relevant"] and first["incident_type"] == "theft" and first["countries"] == ["FR"]
    material = next(f for f in first["findings"] if f["label"] == "MATERIAL")
    assert material["normalized"] == "Cs-137"
    assert material["attributes"]["activity_bq"] == 2 * 3.7e10
    assert set(material) == {"label", "text", "start", "end", "normalized", "attributes",
                             "confidence"}  # fmt: skip
    assert not records[1]["relevant"]


def test_extract_clean_input_exits_zero(tmp_path: Path) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps({"id": "x", "text": "A Co-60 source was found."}) + "\n")
    result = CliRunner().invoke(
        _app(), ["extract", "--input", str(source), "--output", str(tmp_path / "o.jsonl")]
    )
    assert result.exit_code == 0, result.output


def test_extract_missing_input_is_user_error(tmp_path: Path) -> None:
    from flows.errors import UserError

    result = CliRunner().invoke(
        _app(), ["extract", "--input", str(tmp_path / "none"), "--output", str(tmp_path / "o")]
    )
    assert isinstance(result.exception, UserError)


def test_evaluate_sample_gold() -> None:
    result = CliRunner().invoke(_app(), ["evaluate", "--gold", str(SAMPLE_GOLD), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    overall = report["overall"]
    assert report["documents"] == sum(1 for _ in SAMPLE_GOLD.open(encoding="utf-8"))
    assert overall["entities_exact"]["MATERIAL"]["f1"] > 0.7
    assert overall["relevance"]["accuracy"] > 0.8
    assert set(report["languages"]) == {"en", "fr", "es", "ar"}
    text = CliRunner().invoke(_app(), ["evaluate", "--gold", str(SAMPLE_GOLD)]).output
    assert "MATERIAL" in text and "relevance accuracy" in text and "== language fr ==" in text


def _corpus(path: Path) -> Path:
    """Six documents (relevant and not, two languages) and a bad line in the middle."""
    texts = [
        "Thieves stole a Cs-137 source of 2 Ci in Lyon, France.",
        "Sunny weather in Madrid today.",
        "Le vol d'une source de césium-137 à Lyon a été signalé mardi.",
        "An Ir-192 radiography camera was lost near Houston, Texas.",
        "The council approved the road budget on Tuesday.",
        "A Co-60 source was found in scrap metal in Mumbai, India.",
    ]
    lines = [json.dumps({"id": str(i), "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    lines.insert(3, "{broken")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_extract_workers_write_the_same_bytes(tmp_path: Path) -> None:
    source = _corpus(tmp_path / "docs.jsonl")
    outputs = []
    for workers in ("1", "2"):
        output = tmp_path / f"out{workers}.jsonl"
        arguments = ["--input", str(source), "--output", str(output), "--batch-size", "1"]
        result = CliRunner().invoke(_app(), ["extract", *arguments, "--workers", workers])
        assert result.exit_code == 1, result.output  # the bad line, reported and skipped
        assert "line 4: not JSON" in result.output
        outputs.append(output.read_bytes())
    assert outputs[0] == outputs[1]
    ids = [json.loads(line)["id"] for line in outputs[1].decode().splitlines()]
    assert ids == ["0", "1", "2", "3", "4", "5"]


def test_worker_count_needs_more_than_two_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.commands.extraction import _worker_count
    from flows.settings import get_flow_settings

    monkeypatch.setenv("RADINTEL_EXTRACT_WORKERS", "3")
    get_flow_settings.cache_clear()
    try:
        assert _worker_count(2, batches=7) == 2
        assert _worker_count(None, batches=7) == 3  # the setting
        assert _worker_count(8, batches=5) == 5  # never more workers than batches
        assert _worker_count(2, batches=2) == 1  # not worth a second model load
    finally:
        get_flow_settings.cache_clear()


def _no_models() -> None:
    """A worker initializer that loads nothing (the failing workers below need no model)."""


def _raise_on_third(batch: list[Any]) -> list[str]:
    if batch and batch[0].id == "2":
        raise RuntimeError("extractor broke")
    return [f"{document.id}\n" for document in batch]


def _die(batch: list[Any]) -> list[str]:
    os._exit(3)  # a worker killed mid-batch (out of memory, a signal)


@pytest.mark.timeout(120)  # a failing worker must end the command, not leave it waiting
@pytest.mark.parametrize(
    ("work", "message"), [(_raise_on_third, "RuntimeError: extractor broke"), (_die, "stopped")]
)
def test_extract_worker_failure_is_a_user_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, work: Any, message: str
) -> None:
    from flows.errors import UserError

    # Replaced by name: the spawned workers import these test functions, not the models.
    monkeypatch.setattr("flows.extract_pool.extract_lines", work)
    monkeypatch.setattr("flows.extract_pool.start_extractor", _no_models)
    source = _corpus(tmp_path / "docs.jsonl")
    arguments = ["--output", str(tmp_path / "o.jsonl"), "--batch-size", "1", "--workers", "2"]
    result = CliRunner().invoke(_app(), ["extract", "--input", str(source), *arguments])
    assert isinstance(result.exception, UserError), result.output
    assert message in str(result.exception)
    if work is _raise_on_third:
        assert "batch from line 3" in str(result.exception)
        lines = (tmp_path / "o.jsonl").read_text().splitlines()
        assert lines == ["0", "1"]  # the batches before the failure, in order


RADINTEL = "import sys; sys.argv[0] = 'radintel'; from flows.cli import main; main()"


def test_the_command_process_ends_without_teardown_and_keeps_its_exit_code(
    tmp_path: Path,
) -> None:
    """The real `radintel extract --input` process: its output and messages complete, its
    exit code kept (1 for a skipped line), the interpreter's teardown skipped (flows.runtime)."""
    import subprocess
    import sys

    source = tmp_path / "docs.jsonl"
    good = json.dumps({"id": "1", "text": "Thieves stole a Cs-137 source in Lyon, France."})
    source.write_text(good + "\n{bad\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    # An atexit handler registered before the command runs stands for the teardown.
    script = "import atexit; atexit.register(print, 'teardown ran'); " + RADINTEL
    command = [sys.executable, "-c", script, "extract", "--input", str(source)]
    done = subprocess.run(
        [*command, "--output", str(output)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 1, done.stderr
    assert "line 2" in done.stderr and "1 input line(s) skipped" in done.stderr
    assert "teardown ran" not in done.stdout
    assert [json.loads(line)["id"] for line in output.read_text().splitlines()] == ["1"]

    failed = subprocess.run(  # an error before any model loads: the normal ending
        [*command, "--output", str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert failed.returncode != 0 and "teardown ran" in failed.stdout
