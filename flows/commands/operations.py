"""`radintel backup` and `radintel restore`: the database and its objects, together."""

from __future__ import annotations

from pathlib import Path

import typer
from sqlalchemy.engine import Engine

from flows.commands.platform import load_settings
from flows.errors import UserError
from storage.objectstore import ObjectStore, ObjectStoreError, object_store_from


def postgres_engine_and_store() -> tuple[Engine, ObjectStore]:
    from storage.db import engine_for

    settings = load_settings()
    url = settings.resolved_database_url
    if not url.startswith("postgresql"):
        raise UserError(
            "backup and restore need PostgreSQL (RADINTEL_DATABASE_URL); "
            "for the embedded SQLite default, copy the data folder while radintel is stopped"
        )
    try:
        return engine_for(url), object_store_from(settings)
    except ObjectStoreError as error:
        raise UserError(str(error)) from None


def backup(
    output: Path = typer.Option(..., "--output", help="A new folder for the backup."),
) -> None:
    """Back up the database (pg_dump) and every object it references, with a manifest."""
    from storage.backup import BackupError, create_backup
    from storage.pg_tools import DatabaseToolError

    engine, store = postgres_engine_and_store()
    try:
        manifest = create_backup(engine=engine, store=store, folder=output)
    except (BackupError, DatabaseToolError, ObjectStoreError) as error:
        raise UserError(str(error)) from None
    size = sum(manifest.objects.values())
    typer.echo(
        f"backed up {sum(manifest.rows.values())} rows in {len(manifest.rows)} tables "
        f"and {len(manifest.objects)} objects ({size:,} bytes) into {output}"
    )


def restore(
    input_folder: Path = typer.Option(..., "--input", help="A folder made by `radintel backup`."),
) -> None:
    """Restore a backup into an empty database and bucket, then check every object's hash."""
    from storage.backup import BackupError, restore_backup
    from storage.pg_tools import DatabaseToolError

    engine, store = postgres_engine_and_store()
    try:
        report = restore_backup(engine=engine, store=store, folder=input_folder)
    except (BackupError, DatabaseToolError, ObjectStoreError) as error:
        raise UserError(str(error)) from None
    typer.echo(
        f"restored {sum(report.rows.values())} rows in {len(report.rows)} tables; "
        f"{report.objects_checked} objects, all hashes match"
    )
    for table, count in sorted(report.rows.items()):
        typer.echo(f"  {table:<20} {count}")


def register(app: typer.Typer) -> None:
    app.command("backup")(backup)
    app.command("restore")(restore)
