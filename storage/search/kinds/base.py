"""What every searchable kind provides, and the row it writes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from sqlalchemy import Table
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from nlp.search_terms import COUNTRY, MATERIAL, SOURCE, key, name_tokens
from nlp.vocabulary import Tlp

MAX_BODY_CHARS = 200_000  # PostgreSQL refuses a tsvector over 1 MB; the rest is not indexed


@dataclass
class Entry:
    """One searchable thing as the index stores it (storage.models.SearchEntry)."""

    kind: str
    entity_id: int
    title: str
    body: str
    config: str
    day: date | None
    status: str
    marking: Tlp | None = None  # a document's own (see storage.models.search)
    document_id: int | None = None
    incident_id: int | None = None
    external_id: str | None = None
    keys: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # name skeletons, for the typo vocabulary

    def add_names(self, names: Iterable[str]) -> None:
        for name in names:
            self.names.update(name_tokens(name))

    def add_filters(
        self,
        *,
        countries: Iterable[str | None] = (),
        materials: Iterable[str | None] = (),
        sources: Iterable[int | None] = (),
    ) -> None:
        self.keys.update(key(COUNTRY, c) for c in countries if c)
        self.keys.update(key(MATERIAL, m) for m in materials if m)
        self.keys.update(key(SOURCE, str(s)) for s in sources if s is not None)


class SearchKind(Protocol):
    """A kind of searchable thing: one module in storage/search/kinds/."""

    name: str

    def entries(self, *, session: Session, ids: Sequence[int]) -> list[Entry]:
        """The entries of these entities; an entity that should not be found is left out."""
        ...

    def all_ids(self, *, session: Session) -> list[int]:
        """Every entity of the kind, for a full reindex."""
        ...

    def visible(self, clearance: Tlp, entry: Table) -> ColumnElement[bool]:
        """The entry's entity is within the clearance (storage.clearance)."""
        ...

    def marked(self, marking: Tlp, entry: Table) -> ColumnElement[bool]:
        """The entry's entity carries exactly this marking."""
        ...

    def link(self, entry: Any) -> tuple[str, int | None]:
        """(page, id) a result opens: "document" or "incident" and its id."""
        ...
