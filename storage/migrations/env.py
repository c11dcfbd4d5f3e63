"""Alembic environment: the target schema is SQLModel.metadata with every radintel table.

A caller may pass an open connection in `config.attributes["connection"]` (create_schema does,
so the engine's own settings apply); otherwise the URL of the configuration is used.
"""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from sqlalchemy import create_engine, pool
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (registers the tables)
from storage.migrations.search_ddl import include_name
from storage.models._base import EnumValue

target_metadata = SQLModel.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Revisions hold plain column types: an enum stored as its value is a VARCHAR there,
    so a revision never imports the models."""
    if type_ == "type" and isinstance(obj, EnumValue):
        return f"sqlmodel.sql.sqltypes.AutoString(length={obj.length})"
    if type_ == "type" and isinstance(obj, TSVECTOR):  # the search index (PostgreSQL)
        autogen_context.imports.add("from sqlalchemy.dialects import postgresql")
    return False


def run_with(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=render_item,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    assert url, "the Alembic configuration has no sqlalchemy.url"
    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        with engine.connect() as new_connection:
            run_with(new_connection)
            new_connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
