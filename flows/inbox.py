"""Bureau inboxes: a local folder or an object-store prefix. Files are read with the size
cap, then moved to `processed/` once their documents are committed, or to `quarantine/`
beside a `<name>.reason.txt`. Nothing is deleted; stored names are sanitised.

A folder inbox reads only the regular files it listed: a symbolic link, a FIFO, a device or
a socket is refused without being opened for reading (a link is never followed, a FIFO
never waited on), and so is a file swapped for another between listing and opening. The
refusal is recorded and the entry itself (the link, never its target) moved to quarantine.

An `inbox_s3` source lists a prefix of the MinIO bucket (RADINTEL_OBJECT_STORE=minio);
"moving" an object copies it under `<prefix>/processed/` (or `quarantine/`) and later runs
skip the objects that have such a copy. With the local object store there is no bucket,
so an `inbox_s3` source is skipped with a message saying so."""

from __future__ import annotations

import errno
import io
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

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
    identity: tuple[int, int] | None = None  # (device, inode) when listed, for a folder inbox


class Inbox(Protocol):
    label: str

    def list(self) -> list[InboxFile]: ...

    def read(self, file: InboxFile, cap: int) -> bytes: ...

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


SYMLINK_REFUSED = "a symbolic link is not ingested (it could point anywhere)"


def refusal(status: os.stat_result, listed: InboxFile) -> str | None:
    """Why a folder inbox entry with this stat is not read, or None to read it."""
    if stat.S_ISLNK(status.st_mode):
        return SYMLINK_REFUSED
    if not stat.S_ISREG(status.st_mode):
        return "not a regular file (a FIFO, device or socket) is not ingested"
    if (status.st_dev, status.st_ino) != listed.identity:
        return "the file was replaced between listing and reading: not ingested"
    return None


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
            status = path.lstat()  # the entry itself: a link is not followed
            if path.name.startswith(".") or stat.S_ISDIR(status.st_mode):
                continue
            identity = (status.st_dev, status.st_ino)
            files.append(InboxFile(name=path.name, size=status.st_size, identity=identity))
        return files

    def _path(self, name: str) -> Path:
        path = self.root / name
        if path.parent != self.root or name in ("", ".", ".."):
            raise ValueError(f"not a file of the inbox: {name!r}")
        return path

    def read(self, file: InboxFile, cap: int) -> bytes:
        """The bytes of the regular file that was listed; ValueError for anything else.
        Nothing but a regular file is opened (opening a device can act on it); O_NOFOLLOW
        and O_NONBLOCK keep a link or FIFO swapped in after that check from being followed
        or waited on, and the open file's fstat must still be the listed file."""
        path = self._path(file.name)
        refused = refusal(path.lstat(), file)
        if refused:
            raise ValueError(refused)
        try:
            descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise ValueError(SYMLINK_REFUSED) from error
            raise
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(descriptor)
            refused = refusal(status, file)
            if refused:
                raise ValueError(refused)
            if status.st_size > cap:
                raise too_large(cap)
            data = handle.read(cap + 1)
        if len(data) > cap:
            raise too_large(cap)
        return data

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

    def read(self, file: InboxFile, cap: int) -> bytes:
        key = self.prefix + file.name
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
