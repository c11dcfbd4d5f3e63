"""`inbox_s3` sources: a prefix of the MinIO/S3 bucket, and the local-store skip."""

from __future__ import annotations

import io
import uuid
from pathlib import Path

import pytest
from minio import Minio

from flows.ingest import ingest_flow
from nlp.vocabulary import RunStatus
from tests.conftest import clear_caches
from tests.factories import by_source, declare, documents, failures
from tests.flows import samples
from tests.support.s3_server import S3Server

pytestmark = pytest.mark.usefixtures("prefect_harness", "ingest_env")


def test_local_object_store_skips_s3_inboxes_with_a_message() -> None:
    declare("bureau-s3", "inbox_s3", inbox="inbox/bureau")
    result = by_source(ingest_flow())["bureau-s3"]
    assert result["status"] == RunStatus.FAILED.value
    assert "RADINTEL_OBJECT_STORE=minio" in result["error"]


@pytest.mark.s3
def test_s3_inbox_objects_are_ingested_and_copied_aside(
    s3_server: S3Server, ingest_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bucket = f"radintel-{uuid.uuid4().hex[:10]}"
    settings = {
        "RADINTEL_OBJECT_STORE": "minio",
        "RADINTEL_MINIO_ENDPOINT": s3_server.endpoint,
        "RADINTEL_MINIO_ACCESS_KEY": s3_server.access_key,
        "RADINTEL_MINIO_SECRET_KEY": s3_server.secret_key,
        "RADINTEL_MINIO_BUCKET": bucket,
    }
    for key, value in settings.items():
        monkeypatch.setenv(key, value)
    clear_caches()
    client = Minio(
        s3_server.endpoint,
        access_key=s3_server.access_key,
        secret_key=s3_server.secret_key,
        secure=False,
    )
    client.make_bucket(bucket)
    drops = {
        "nota.txt": samples.SPANISH_NOTE,
        "mensaje.eml": samples.email_with_attachment(),
        "vacío.txt": b"",
    }
    for name, data in drops.items():
        client.put_object(bucket, f"inbox/jo/{name}", io.BytesIO(data), len(data))
    declare("bureau-jo", "inbox_s3", inbox="inbox/jo/")
    first = by_source(ingest_flow())["bureau-jo"]
    assert first["counts"]["new"] == 3 and first["counts"]["failed"] == 1
    names = {item.object_name for item in client.list_objects(bucket, "inbox/jo/", recursive=True)}
    assert {"inbox/jo/processed/nota.txt", "inbox/jo/processed/mensaje.eml"} <= names
    assert {"inbox/jo/quarantine/vac_o.txt", "inbox/jo/quarantine/vac_o.txt.reason.txt"} <= names
    assert failures()[0].quarantine_path == "inbox/jo/quarantine/vac_o.txt"
    second = by_source(ingest_flow())["bureau-jo"]
    assert second["counts"]["new"] == 0 and second["counts"]["failed"] == 0
    assert len(documents()) == 4  # three documents and the failed empty file, kept
