"""Fixtures of the ingestion tests: an initialised data folder with fast fetch settings,
Prefect in ephemeral test mode, and the local HTTP server."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import clear_caches
from tests.support.http_server import http_server  # noqa: F401  (fixture)

FAST = {
    "RADINTEL_FETCH_RETRY_DELAYS": "[0.1]",
    "RADINTEL_HOST_MIN_INTERVAL_SECONDS": "0",
    "RADINTEL_HTTP_READ_TIMEOUT": "1",
    "RADINTEL_HTTP_CONNECT_TIMEOUT": "1",
    "RADINTEL_BATCH_SIZE": "3",
    "RADINTEL_ALLOWED_NETWORKS": '["127.0.0.0/8"]',  # the local test server, nothing else
}


@pytest.fixture
def ingest_env(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder with its schema, fast retries and no rate limit."""
    from storage.db import get_engine
    from storage.schema import create_schema

    for key, value in FAST.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("RADINTEL_SOURCES_FILE", raising=False)
    clear_caches()
    create_schema(get_engine())
    return data_dir
