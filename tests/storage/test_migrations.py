"""The Alembic revisions build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel, select

from nlp.vocabulary import SourceKind
from storage.db import engine_for, session_scope
from storage.migrations.search_ddl import include_name
from storage.models import Source
from storage.schema import create_schema, current_revision, head_revision, upgrade_to_head


def schema_differences(url: str) -> list[object]:
    with engine_for(url).connect() as connection:
        opts = {"compare_type": True, "include_name": include_name}
        context = MigrationContext.configure(connection, opts=opts)
        return list(compare_metadata(context, SQLModel.metadata))


def test_upgrade_to_head_creates_every_table(empty_db_url: str) -> None:
    upgrade_to_head(empty_db_url)
    engine = engine_for(empty_db_url)
    tables = {t for t in inspect(engine).get_table_names() if include_name(t, "table", {})}
    assert set(SQLModel.metadata.tables) | {"alembic_version"} == tables
    assert current_revision(engine) == head_revision() is not None


def test_upgrade_twice_is_a_no_op(empty_db_url: str) -> None:
    upgrade_to_head(empty_db_url)
    engine = engine_for(empty_db_url)
    with session_scope(engine) as session:
        session.add(Source(name="Bulletin fictif de Marseille", kind=SourceKind.FEED))
        session.commit()
    upgrade_to_head(empty_db_url)
    create_schema(engine)
    with session_scope(engine) as session:
        names = session.exec(select(Source.name)).all()
    assert names == ["Bulletin fictif de Marseille"]
    assert current_revision(engine) == head_revision()


def test_models_and_migrated_schema_agree(empty_db_url: str) -> None:
    upgrade_to_head(empty_db_url)
    assert schema_differences(empty_db_url) == []


def test_create_schema_uses_the_migrations(empty_db_url: str) -> None:
    engine = engine_for(empty_db_url)
    create_schema(engine)
    assert current_revision(engine) == head_revision()
    assert schema_differences(empty_db_url) == []


def test_a_model_change_is_detected(empty_db_url: str) -> None:
    upgrade_to_head(empty_db_url)
    with engine_for(empty_db_url).begin() as connection:
        connection.exec_driver_sql("DROP INDEX ix_document_url")
    differences = schema_differences(empty_db_url)
    assert [difference[0] for difference in differences] == ["add_index"]  # type: ignore[index]
