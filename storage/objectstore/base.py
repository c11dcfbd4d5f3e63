"""Content-addressed object store: the key of an object is the sha256 of its bytes."""

from __future__ import annotations

import hashlib
from typing import Protocol


class ObjectStoreError(Exception):
    """The store could not be reached, refused the credentials, or returned bad data."""


class ObjectNotFound(ObjectStoreError):
    pass


class IntegrityError(ObjectStoreError):
    """The bytes read back do not hash to their key."""


def content_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_key(key: str) -> str:
    if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
        raise ObjectNotFound(f"not an object key: {key[:80]!r}")
    return key


class ObjectStore(Protocol):
    def put(self, data: bytes) -> str:
        """Store the bytes atomically and return their key (sha256 hex). Idempotent."""

    def get(self, key: str) -> bytes:
        """Return the bytes, verified against the key."""

    def exists(self, key: str) -> bool: ...
