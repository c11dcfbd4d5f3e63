"""`radintel extract` and `radintel evaluate` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

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
