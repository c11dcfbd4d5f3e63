"""`radintel metrics` serves the database figures until stopped; the process exporter of
`radintel serve` and the workers starts only when RADINTEL_METRICS_PORT is set."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from flows.local_prefect import free_port
from flows.metrics import start_configured_exporter
from storage.db import get_engine
from storage.schema import create_schema
from tests.conftest import clear_caches

ROOT = Path(__file__).resolve().parents[3]
CLI = "import sys; sys.argv[0] = 'radintel'; from flows.cli import main; main()"


def test_metrics_command_serves_until_terminated(data_dir: Path) -> None:
    create_schema(get_engine())
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", CLI, "metrics", "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        announced = process.stdout.readline()  # printed once the exporter listens
        assert announced.strip() == f"metrics on http://127.0.0.1:{port}/metrics"
        response = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10)
        assert "radintel_database_up 1.0" in response.text
        assert "radintel_extraction_queue_documents 0.0" in response.text
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def test_process_exporter_only_when_configured(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert start_configured_exporter() is None
    port = free_port()
    monkeypatch.setenv("RADINTEL_METRICS_PORT", str(port))
    clear_caches()
    started = start_configured_exporter()
    assert started is not None
    server, thread = started
    try:
        response = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10)
        assert "radintel_extraction_batch_seconds_count" in response.text
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
