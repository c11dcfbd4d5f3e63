"""Creating and upgrading the schema: always through the Alembic revisions."""

from __future__ import annotations

from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from storage.db import engine_for
from storage.migrations import alembic_config


def create_schema(engine: Engine) -> None:
    """Upgrade the database of `engine` to the newest revision (a no-op when it is there)."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def upgrade_to_head(url: str) -> None:
    """`alembic upgrade head` on the database at `url` (a SQLite file's folder is created)."""
    create_schema(engine_for(url))


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
