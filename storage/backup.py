"""Backup and restore of the PostgreSQL database and its objects, together.

A backup folder holds `database.dump` (pg_dump, custom format), `objects/<key>` for every
object the database references (document bytes and text, kept bytes of failed inputs,
rendered assessments) and `manifest.json`, written last: no manifest, no backup. The keys
are read in the same snapshot that pg_dump exports, so the dump and the objects agree
even while workers keep writing. Objects are content-addressed (the key is the SHA-256 of
the bytes), so a restore checks every object against its key.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, select

from storage.models import Assessment, Document, IngestFailure
from storage.objectstore import ObjectStore, ObjectStoreError, content_key
from storage.pg_tools import (
    database_is_empty,
    dump_database,
    exported_snapshot,
    restore_database,
)
from storage.schema import current_revision

MANIFEST = "manifest.json"
DATABASE_DUMP = "database.dump"
OBJECTS = "objects"


class BackupError(Exception):
    """The backup folder or the restore target is not what a backup or restore needs."""


@dataclass(frozen=True)
class Manifest:
    created_at: str
    alembic_revision: str | None
    database_sha256: str
    rows: dict[str, int]  # table -> row count at the snapshot
    objects: dict[str, int]  # key (the SHA-256 of the bytes) -> size in bytes


@dataclass(frozen=True)
class RestoreReport:
    rows: dict[str, int]
    objects_checked: int  # every one read back from the store and matching its hash


def referenced_object_keys(*, session: Session) -> list[str]:
    keys: set[str | None] = set()
    for raw_key, text_key in session.exec(select(Document.raw_key, Document.text_key)):
        keys.update((raw_key, text_key))
    for _, kept_key in session.exec(select(IngestFailure.id, IngestFailure.raw_key)):
        keys.add(kept_key)
    for outputs in session.exec(select(Assessment.outputs)):
        keys.update(outputs.values())
    return sorted(key for key in keys if key)


def table_rows(*, session: Session) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in SQLModel.metadata.sorted_tables:
        counts[table.name] = session.exec(select(func.count()).select_from(table)).one()
    return counts


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def create_backup(*, engine: Engine, store: ObjectStore, folder: Path) -> Manifest:
    """Dump the database and copy its objects into `folder` (new or empty)."""
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: back up into a new folder")
    (folder / OBJECTS).mkdir(parents=True)
    dump = folder / DATABASE_DUMP
    with exported_snapshot(engine) as (snapshot, session):
        dump_database(url=engine.url, path=dump, snapshot=snapshot)
        rows = table_rows(session=session)
        keys = referenced_object_keys(session=session)
    objects = {key: copy_out(store, key, folder) for key in keys}
    manifest = Manifest(
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        alembic_revision=current_revision(engine),
        database_sha256=file_sha256(dump),
        rows=rows,
        objects=objects,
    )
    (folder / MANIFEST).write_text(json.dumps(asdict(manifest), indent=1), "utf-8")
    return manifest


def copy_out(store: ObjectStore, key: str, folder: Path) -> int:
    data = store.get(key)  # raises IntegrityError unless the bytes hash to the key
    (folder / OBJECTS / key).write_bytes(data)
    return len(data)


def read_manifest(folder: Path) -> Manifest:
    try:
        manifest = Manifest(**json.loads((folder / MANIFEST).read_text("utf-8")))
    except FileNotFoundError:
        raise BackupError(f"{folder} holds no {MANIFEST}: not a finished backup") from None
    if file_sha256(folder / DATABASE_DUMP) != manifest.database_sha256:
        raise BackupError(f"{DATABASE_DUMP} does not match its hash in the manifest")
    return manifest


def restore_backup(*, engine: Engine, store: ObjectStore, folder: Path) -> RestoreReport:
    """Objects first (a restored row never points to a missing object), then the database;
    then every referenced object is read back and checked against its key."""
    manifest = read_manifest(folder)
    if not database_is_empty(engine):
        raise BackupError("the target database is not empty: restore into a new database")
    for key in manifest.objects:
        data = (folder / OBJECTS / key).read_bytes()
        if content_key(data) != key:
            raise BackupError(f"object {key} in the backup does not match its hash")
        store.put(data)
    restore_database(url=engine.url, path=folder / DATABASE_DUMP)
    with Session(engine) as session:
        rows = table_rows(session=session)
        keys = referenced_object_keys(session=session)
    if rows != manifest.rows:
        raise BackupError(f"restored row counts {rows} differ from the manifest's")
    return RestoreReport(rows=rows, objects_checked=check_objects(store, keys))


def check_objects(store: ObjectStore, keys: list[str]) -> int:
    for key in keys:
        try:
            store.get(key)  # reads the bytes and compares their SHA-256 with the key
        except ObjectStoreError as error:
            raise BackupError(f"object {key} after the restore: {error}") from None
    return len(keys)
