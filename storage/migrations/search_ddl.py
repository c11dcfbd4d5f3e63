"""Full-text search DDL that models cannot express, per database (see storage/models/search.py).

storage/migrations/regenerate.py writes these statements into the initial revision, after the
tables (upgrade) and before them (downgrade). `FTS_TABLE` and its shadow tables are SQLite's
own: Alembic leaves them alone (`include_name`).
"""

from __future__ import annotations

from typing import Any

FTS_TABLE = "search_fts"

POSTGRESQL_UPGRADE = (
    """CREATE FUNCTION search_entry_tsv() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.tsv := setweight(to_tsvector('simple', NEW.keys), 'A')
        || setweight(to_tsvector(NEW.config::regconfig, NEW.title), 'B')
        || setweight(to_tsvector(NEW.config::regconfig, NEW.body), 'D');
    RETURN NEW;
END $$""",
    """CREATE TRIGGER search_entry_tsv BEFORE INSERT OR UPDATE OF title, body, keys, config
ON search_entry FOR EACH ROW EXECUTE FUNCTION search_entry_tsv()""",
    # The planner chooses between walking the recency index and reading every match
    # (storage.search.search) from how many entries it expects a query to match. At the
    # default statistics target it tracks the 1,000 most common lexemes and guesses 0.5 %
    # for any other: a word in 0.3 % of 1,000,000 documents was walked for, 150-170 ms
    # instead of 10. At 1,000 it tracks up to 10,000 and puts the rest below the least
    # common of those.
    "ALTER TABLE search_entry ALTER COLUMN tsv SET STATISTICS 1000",
)
POSTGRESQL_DOWNGRADE = ("DROP FUNCTION IF EXISTS search_entry_tsv() CASCADE",)

_FTS_INSERT = (
    f"INSERT INTO {FTS_TABLE}(rowid, title, body, keys) "
    "VALUES (new.id, new.title, new.body, new.keys);"
)
_FTS_DELETE = (
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body, keys) "
    "VALUES ('delete', old.id, old.title, old.body, old.keys);"
)
SQLITE_UPGRADE = (
    f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, body, keys,
content='search_entry', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')""",
    f"CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN {_FTS_INSERT} END",
    f"CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN {_FTS_DELETE} END",
    "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry "
    f"BEGIN {_FTS_DELETE} {_FTS_INSERT} END",
)
SQLITE_DOWNGRADE = (f"DROP TABLE IF EXISTS {FTS_TABLE}",)


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic's filter: SQLite's FTS5 tables are not part of the models."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


def revision_block(upgrade: bool) -> str:
    """The statements as revision code, run on the database they belong to."""
    postgresql = POSTGRESQL_UPGRADE if upgrade else POSTGRESQL_DOWNGRADE
    sqlite = SQLITE_UPGRADE if upgrade else SQLITE_DOWNGRADE
    lines = [
        "    # Full-text search (storage/migrations/search_ddl.py).",
        "    if op.get_bind().dialect.name == 'postgresql':",
        *(f"        op.execute({statement!r})" for statement in postgresql),
        "    else:",
        *(f"        op.execute({statement!r})" for statement in sqlite),
    ]
    return "\n".join(lines) + "\n"
