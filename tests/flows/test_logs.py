"""RADINTEL_LOG_FORMAT=json: every line a flow writes, Prefect's included, is one JSON object
carrying the ids known where it was logged."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from flows.logs import JsonFormatter, log_context
from flows.runtime import configure_runtime
from tests.conftest import clear_caches
from tests.factories import declare, runs, write
from tests.flows import samples

ROOT = Path(__file__).resolve().parents[2]
RUNNER = (
    "from flows.runtime import configure_runtime; configure_runtime(); "
    "from flows.ingest import ingest_flow; ingest_flow()"
)
KEYS = {"time", "level", "logger", "message"}


def record(message: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("flows.test", logging.WARNING, __file__, 1, message, args, None)


def test_context_ids_are_added_and_removed() -> None:
    formatter = JsonFormatter()
    with log_context(flow="extract", run_id=7), log_context(document_ids=[3, 4], source=None):
        inside = json.loads(formatter.format(record("batch %s", '"quoted"\nline')))
    outside = json.loads(formatter.format(record("after")))
    assert inside["message"] == 'batch "quoted"\nline'
    assert (inside["flow"], inside["run_id"], inside["document_ids"]) == ("extract", 7, [3, 4])
    assert "source" not in inside
    assert set(outside) == KEYS and outside["level"] == "WARNING"


def test_an_invalid_format_is_left_to_the_command_to_report(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RADINTEL_LOG_FORMAT", "xml")
    monkeypatch.delenv("PREFECT_LOGGING_SETTINGS_PATH", raising=False)
    clear_caches()
    handlers = list(logging.getLogger().handlers)
    configure_runtime()  # no traceback before the command could say what is wrong
    assert "PREFECT_LOGGING_SETTINGS_PATH" not in os.environ
    assert logging.getLogger().handlers == handlers


def ingest_in_child(api_url: str, tmp_path: Path) -> list[dict[str, Any]]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    env.update(
        PYTHONPATH=str(ROOT),
        PREFECT_HOME=str(tmp_path / "prefect-child"),
        PREFECT_API_URL=api_url,
        RADINTEL_LOG_FORMAT="json",
    )
    child = subprocess.run(
        [sys.executable, "-c", RUNNER],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert child.returncode == 0, child.stderr[-3000:]
    return [json.loads(line) for line in child.stderr.splitlines() if line.strip()]


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_flow_logs_are_json_lines_with_their_ids(ingest_env: Path, tmp_path: Path) -> None:
    from prefect.settings import PREFECT_API_URL

    write(ingest_env / "inbox" / "bureau", "note.txt", samples.text_note("n1"))
    write(ingest_env / "inbox" / "bureau", "broken.pdf", b"%PDF-1.7 not really a PDF")
    declare("bureau", "inbox_folder", inbox="inbox/bureau")
    lines = ingest_in_child(str(PREFECT_API_URL.value()), tmp_path)
    assert lines and all(set(line) >= KEYS for line in lines)
    prefect_lines = [line for line in lines if line["logger"] == "prefect.flow_runs"]
    assert prefect_lines and all(line["flow_name"] == "ingest" for line in prefect_lines)
    flow_run_ids = {line["flow_run_id"] for line in prefect_lines}
    assert len(flow_run_ids) == 1
    refused = [line for line in lines if line["message"].startswith("not ingested")]
    assert len(refused) == 1 and refused[0]["level"] == "WARNING"
    assert refused[0]["source"] == "bureau" and refused[0]["flow"] == "ingest"
    assert refused[0]["run_id"] == runs()[0].id
    assert refused[0]["flow_run_id"] in flow_run_ids
