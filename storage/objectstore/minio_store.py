"""Content-addressed objects in an S3 bucket (MinIO, SeaweedFS or any S3 server).

Atomicity: an S3 PUT is atomic by nature. The server makes an object visible under its
name only once the whole body has arrived and been checked; a single PUT that fails midway
leaves nothing, and a multipart upload that fails is aborted, so its parts never become an
object. A reader therefore sees either no object or the whole one, never a partial one.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import BinaryIO, TypeVar

import urllib3
from minio import Minio
from minio.error import MinioException, S3Error
from urllib3.exceptions import HTTPError

from storage.objectstore.base import (
    IntegrityError,
    ObjectNotFound,
    ObjectStoreError,
    check_key,
    content_key,
)
from storage.settings import StorageSettings

PREFIX = "objects/"
MISSING_CODES = frozenset({"NoSuchKey", "NoSuchObject", "ResourceNotFound"})
CREDENTIAL_CODES = frozenset(
    {"InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "InvalidSignature"}
)
T = TypeVar("T")


def _reader(data: bytes) -> BinaryIO:
    """The stream handed to the S3 client (one function, so a test can make it fail)."""
    return io.BytesIO(data)


def _http_client() -> urllib3.PoolManager:
    """Short timeouts and two retries: an unreachable store fails in seconds, not minutes."""
    return urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=5, read=120),
        maxsize=10,
        retries=urllib3.Retry(total=2, backoff_factor=0.2, status_forcelist=[500, 502, 503, 504]),
    )


class MinioObjectStore:
    """Objects under `objects/<sha256>` in one bucket, created if missing."""

    def __init__(self, client: Minio, bucket: str, *, endpoint: str, region: str) -> None:
        self.client = client
        self.bucket = bucket
        self.endpoint = endpoint
        self.region = region
        self._ensure_bucket()

    @classmethod
    def from_settings(cls, settings: StorageSettings) -> MinioObjectStore:
        scheme = "https" if settings.minio_secure else "http"
        client = Minio(
            settings.minio_endpoint,
            access_key=settings.minio_access_key,
            secret_key=settings.minio_secret_key.get_secret_value(),
            secure=settings.minio_secure,
            region=settings.minio_region,
            http_client=_http_client(),
        )
        return cls(
            client,
            settings.minio_bucket,
            endpoint=f"{scheme}://{settings.minio_endpoint}",
            region=settings.minio_region,
        )

    def _call(self, action: str, operation: Callable[[], T]) -> T:
        """Run one client call; turn its errors into one-line ObjectStoreErrors."""
        where = f"object store {self.endpoint} (bucket {self.bucket!r})"
        try:
            return operation()
        except S3Error as error:
            if error.code in MISSING_CODES:
                raise ObjectNotFound(f"{action}: no such object in {where}") from None
            if error.code in CREDENTIAL_CODES:
                raise ObjectStoreError(
                    f"{action}: {where} refused the credentials ({error.code}); "
                    "check RADINTEL_MINIO_ACCESS_KEY and RADINTEL_MINIO_SECRET_KEY"
                ) from None
            raise ObjectStoreError(f"{action}: {where} answered {error.code}") from None
        except (HTTPError, MinioException, OSError, ValueError) as error:
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise ObjectStoreError(f"{action}: cannot use {where}: {reason[:200]}") from None

    def _ensure_bucket(self) -> None:
        if not self._call("checking the bucket", lambda: self.client.bucket_exists(self.bucket)):
            self._call(
                "creating the bucket",
                lambda: self.client.make_bucket(self.bucket, location=self.region),
            )

    def put(self, data: bytes) -> str:
        key = content_key(data)
        if self.exists(key):
            return key
        name = PREFIX + key
        self._call(
            f"storing {key}",
            lambda: self.client.put_object(self.bucket, name, _reader(data), len(data)),
        )
        return key

    def get(self, key: str) -> bytes:
        name = PREFIX + check_key(key)
        data = self._call(f"reading {key}", lambda: self._read(name))
        if content_key(data) != key:
            raise IntegrityError(f"object {key} is corrupt in bucket {self.bucket!r}")
        return data

    def _read(self, name: str) -> bytes:
        response = self.client.get_object(self.bucket, name)
        try:
            return response.read()
        finally:
            response.close()
            response.release_conn()

    def exists(self, key: str) -> bool:
        name = PREFIX + check_key(key)
        try:
            self._call(f"looking up {key}", lambda: self.client.stat_object(self.bucket, name))
        except ObjectNotFound:
            return False
        return True
