from __future__ import annotations

import os
import tempfile
from pathlib import Path

from storage.objectstore.base import (
    IntegrityError,
    ObjectNotFound,
    check_key,
    content_key,
)


class LocalObjectStore:
    """Objects in a folder, fanned out by the first two hex digits of the key."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        check_key(key)
        return self.root / key[:2] / key

    def put(self, data: bytes) -> str:
        key = content_key(data)
        path = self._path(key)
        if path.exists():
            return key
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write to a temporary file in the same folder, then rename: a crash leaves
        # either no object or a whole one, never a half-written one under its key.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return key

    def get(self, key: str) -> bytes:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError as error:
            raise ObjectNotFound(key) from error
        if content_key(data) != key:
            raise IntegrityError(f"object {key} is corrupt on disk")
        return data

    def exists(self, key: str) -> bool:
        return self._path(key).exists()
