"""Both object-store backends: the local folder and S3 (SeaweedFS standing in for MinIO)."""

from __future__ import annotations

import io
import os
import socket
import time
import uuid
from pathlib import Path

import pytest
from pydantic import SecretStr

from storage.objectstore import (
    IntegrityError,
    LocalObjectStore,
    ObjectNotFound,
    ObjectStore,
    ObjectStoreError,
    content_key,
    minio_store,
    object_store_from,
)
from storage.objectstore import local as local_module
from storage.objectstore.minio_store import PREFIX, MinioObjectStore
from storage.settings import StorageSettings
from tests.support.s3_server import S3Server

BACKENDS = ["local", pytest.param("minio", marks=pytest.mark.s3)]
REPORT = "Rapport : source Cs-137 perdue à Lyon, société fictive Vexoral SARL.".encode()
INVALID_KEYS = [
    "../../etc/passwd",
    "/etc/passwd",
    "",
    "A" * 64,
    "0" * 63,
    "../" + "0" * 61,
    "0" * 62 + "/.",
]


def minio_settings(server: S3Server, **changes: object) -> StorageSettings:
    values: dict[str, object] = {
        "object_store": "minio",
        "minio_endpoint": server.endpoint,
        "minio_access_key": server.access_key,
        "minio_secret_key": SecretStr(server.secret_key),
        "minio_bucket": f"radintel-{uuid.uuid4().hex[:12]}",
    }
    values.update(changes)
    return StorageSettings.model_validate(values)


@pytest.fixture
def s3_settings(s3_server: S3Server) -> StorageSettings:
    return minio_settings(s3_server)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> ObjectStore:
    if request.param == "local":
        return LocalObjectStore(tmp_path / "objects")
    settings: StorageSettings = request.getfixturevalue("s3_settings")
    return MinioObjectStore.from_settings(settings)


def corrupt(store: ObjectStore, key: str) -> None:
    """Replace the stored bytes under `key` behind the store's back."""
    if isinstance(store, LocalObjectStore):
        (store.root / key[:2] / key).write_bytes(b"tampered")
    else:
        assert isinstance(store, MinioObjectStore)
        store.client.put_object(store.bucket, PREFIX + key, io.BytesIO(b"tampered"), 8)


class FailingReader(io.RawIOBase):
    """Gives `limit` bytes of the body, then fails as a dying disk or network would."""

    def __init__(self, data: bytes, limit: int) -> None:
        self.data, self.limit, self.position = data, limit, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self.position >= self.limit:
            raise OSError("simulated failure in the middle of the write")
        end = min(self.limit, len(self.data) if size < 0 else self.position + size)
        chunk = self.data[self.position : end]
        self.position = end
        return chunk


def make_writes_fail(store: ObjectStore, monkeypatch: pytest.MonkeyPatch) -> None:
    if isinstance(store, LocalObjectStore):

        def failing_fsync(_fd: int) -> None:
            raise OSError("simulated failure after part of the bytes were written")

        monkeypatch.setattr(local_module.os, "fsync", failing_fsync)
        return

    def failing_reader(data: bytes) -> FailingReader:
        return FailingReader(data, limit=len(data) // 2)

    monkeypatch.setattr(minio_store, "_reader", failing_reader)


def test_round_trip(store: ObjectStore) -> None:
    key = store.put(REPORT)
    assert key == content_key(REPORT)
    assert store.exists(key)
    assert store.get(key) == REPORT


def test_empty_and_binary_objects(store: ObjectStore) -> None:
    blobs = [b"", bytes(range(256)) * 64]
    keys = [store.put(blob) for blob in blobs]
    assert [store.get(key) for key in keys] == blobs


def test_put_is_idempotent(store: ObjectStore) -> None:
    first = store.put(REPORT)
    second = store.put(REPORT)
    assert first == second
    if isinstance(store, LocalObjectStore):
        assert [p.name for p in store.root.rglob("*") if p.is_file()] == [first]
    else:
        assert isinstance(store, MinioObjectStore)
        names = [o.object_name for o in store.client.list_objects(store.bucket, recursive=True)]
        assert names == [PREFIX + first]


def test_missing_key_raises_object_not_found(store: ObjectStore) -> None:
    key = content_key(b"never stored")
    assert not store.exists(key)
    with pytest.raises(ObjectNotFound):
        store.get(key)


@pytest.mark.parametrize("key", INVALID_KEYS)
def test_invalid_key_is_refused(store: ObjectStore, key: str) -> None:
    with pytest.raises(ObjectStoreError):
        store.get(key)
    with pytest.raises(ObjectStoreError):
        store.exists(key)


def test_corruption_is_detected(store: ObjectStore) -> None:
    key = store.put(REPORT)
    corrupt(store, key)
    with pytest.raises(IntegrityError, match=key):
        store.get(key)


def test_failed_write_leaves_no_partial_object(
    store: ObjectStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Large enough for a multipart upload on S3 (three parts of 5 MiB), so the first part
    # reaches the server before the failure.
    data = os.urandom(12 * 1024 * 1024)
    key = content_key(data)
    with monkeypatch.context() as patch:
        make_writes_fail(store, patch)
        with pytest.raises((OSError, ObjectStoreError), match="simulated failure"):
            store.put(data)
    assert not store.exists(key)
    with pytest.raises(ObjectNotFound):
        store.get(key)
    if isinstance(store, LocalObjectStore):
        assert [p for p in store.root.rglob("*") if p.is_file()] == []
    assert store.put(data) == key
    assert store.get(key) == data


def test_local_store_never_leaves_its_root(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("not an object")
    store = LocalObjectStore(tmp_path / "objects")
    with pytest.raises(ObjectStoreError):
        store.get("../../secret.txt")
    assert outside.read_text() == "not an object"


@pytest.mark.s3
def test_wrong_secret_fails_cleanly(s3_server: S3Server) -> None:
    settings = minio_settings(s3_server, minio_secret_key=SecretStr("not-the-secret"))
    with pytest.raises(ObjectStoreError) as caught:
        MinioObjectStore.from_settings(settings)
    message = str(caught.value)
    assert "refused the credentials" in message
    assert "\n" not in message
    assert "not-the-secret" not in message
    assert caught.value.__cause__ is None


@pytest.mark.s3
def test_bucket_is_created_once(s3_settings: StorageSettings) -> None:
    first = MinioObjectStore.from_settings(s3_settings)
    key = first.put(REPORT)
    second = object_store_from(s3_settings)
    assert isinstance(second, MinioObjectStore)
    assert second.get(key) == REPORT
    assert first.client.bucket_exists(s3_settings.minio_bucket)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_unreachable_endpoint_fails_fast_with_one_line() -> None:
    settings = StorageSettings(object_store="minio", minio_endpoint=f"127.0.0.1:{closed_port()}")
    started = time.monotonic()
    with pytest.raises(ObjectStoreError) as caught:
        object_store_from(settings)
    assert time.monotonic() - started < 10
    assert "cannot use object store http://127.0.0.1:" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_invalid_bucket_name_is_a_clear_error() -> None:
    settings = StorageSettings(object_store="minio", minio_bucket="No_Such/Bucket")
    with pytest.raises(ObjectStoreError, match="invalid bucket name"):
        object_store_from(settings)
