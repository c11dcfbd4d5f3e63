"""Bureau inboxes: a local folder or an object-store prefix. Files are read with the size
cap, then moved to `processed/` once their documents are committed, or to `quarantine/`
beside a `<name>.reason.txt`. Nothing is deleted; stored names are sanitised.

An `inbox_s3` source lists a prefix of the MinIO bucket (RADINTEL_OBJECT_STORE=minio);
"moving" an object copies it under `<prefix>/processed/` (or `quarantine/`) and later runs
skip the objects that have such a copy. With the local object store there is no bucket,
so an `inbox_s3` source is skipped with a message saying so."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from flows.fetch import read_file_capped
from flows.fetch.base import too_large
from storage.settings import get_storage_settings

PROCESSED = "processed"
QUARANTINE = "quarantine"
UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_NAME = 150


class InboxUnavailable(Exception):
    """The inbox cannot be used with this configuration; the source is skipped."""


def safe_name(name: str) -> str:
    """A file name made of letters, digits, dot, dash and underscore only."""
    cleaned = UNSAFE.sub("_", name.replace("\\", "/").rsplit("/", 1)[-1]).lstrip("._")
    return cleaned[-MAX_NAME:] or "file"


@dataclass(frozen=True)
class InboxFile:
    name: str  # as dropped in the inbox
    size: int


class Inbox(Protocol):
    label: str

    def list(self) -> list[InboxFile]: ...

    def read(self, name: str, cap: int) -> bytes: ...

    def mark_processed(self, name: str) -> str: ...

    def quarantine(self, name: str, reason: str) -> str: ...


def free_path(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stem, dot, suffix = safe_name(name).partition(".")
    candidate, number = folder / safe_name(name), 1
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{stem}-{number}{dot}{suffix}"
        number += 1
    return candidate


class FolderInbox:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.label = str(root)

    @classmethod
    def for_path(cls, inbox: str) -> FolderInbox:
        path = Path(inbox).expanduser()
        return cls(path if path.is_absolute() else get_storage_settings().data_dir / path)

    def list(self) -> list[InboxFile]:
        if not self.root.is_dir():
            raise InboxUnavailable(f"inbox folder {self.root} does not exist")
        files = []
        for path in sorted(self.root.iterdir()):
            if path.name.startswith(".") or path.is_dir():
                continue
            size = path.lstat().st_size
            files.append(InboxFile(name=path.name, size=size))
        return files

    def _path(self, name: str) -> Path:
        path = self.root / name
        if path.parent != self.root or name in ("", ".", ".."):
            raise ValueError(f"not a file of the inbox: {name!r}")
        return path

    def read(self, name: str, cap: int) -> bytes:
        path = self._path(name)
        if path.is_symlink():
            raise ValueError("a symbolic link is not ingested (it could point anywhere)")
        return read_file_capped(path, cap)

    def mark_processed(self, name: str) -> str:
        target = free_path(self.root / PROCESSED, name)
        self._path(name).replace(target)
        return str(target)

    def quarantine(self, name: str, reason: str) -> str:
        target = free_path(self.root / QUARANTINE, name)
        self._path(name).replace(target)
        target.with_name(target.name + ".reason.txt").write_text(reason + "\n", encoding="utf-8")
        return str(target)


class S3Inbox:
    def __init__(self, client: object, bucket: str, prefix: str) -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/"
        self.label = f"s3://{bucket}/{self.prefix}"

    @classmethod
    def for_prefix(cls, prefix: str) -> S3Inbox:
        if get_storage_settings().object_store != "minio":
            raise InboxUnavailable(
                "skipped: an inbox_s3 source needs the MinIO object store "
                "(RADINTEL_OBJECT_STORE=minio); this installation uses the local folder store"
            )
        from storage.objectstore import get_object_store
        from storage.objectstore.minio_store import MinioObjectStore

        store = get_object_store()
        assert isinstance(store, MinioObjectStore)
        return cls(store.client, store.bucket, prefix)

    def _names(self, prefix: str) -> list[tuple[str, int]]:
        objects = self.client.list_objects(self.bucket, prefix=prefix, recursive=False)  # type: ignore[attr-defined]
        return [
            (item.object_name[len(prefix) :], int(item.size or 0))
            for item in objects
            if not item.is_dir
        ]

    def list(self) -> list[InboxFile]:
        done = {name for name, _ in self._names(f"{self.prefix}{PROCESSED}/")}
        done |= {name for name, _ in self._names(f"{self.prefix}{QUARANTINE}/")}
        return [
            InboxFile(name=name, size=size)
            for name, size in sorted(self._names(self.prefix))
            if safe_name(name) not in done
        ]

    def read(self, name: str, cap: int) -> bytes:
        key = self.prefix + name
        if int(self.client.stat_object(self.bucket, key).size or 0) > cap:  # type: ignore[attr-defined]
            raise too_large(cap)
        response = self.client.get_object(self.bucket, key)  # type: ignore[attr-defined]
        try:
            data: bytes = response.read(cap + 1)
        finally:
            response.close()
            response.release_conn()
        if len(data) > cap:
            raise too_large(cap)
        return data

    def _copy(self, name: str, folder: str) -> str:
        from minio.commonconfig import CopySource

        target = f"{self.prefix}{folder}/{safe_name(name)}"
        self.client.copy_object(  # type: ignore[attr-defined]
            self.bucket, target, CopySource(self.bucket, self.prefix + name)
        )
        return target

    def mark_processed(self, name: str) -> str:
        return self._copy(name, PROCESSED)

    def quarantine(self, name: str, reason: str) -> str:
        target = self._copy(name, QUARANTINE)
        body = (reason + "\n").encode("utf-8")
        self.client.put_object(  # type: ignore[attr-defined]
            self.bucket, target + ".reason.txt", io.BytesIO(body), len(body)
        )
        return target
