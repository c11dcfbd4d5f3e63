"""The registry of searchable kinds: each module in this folder is one kind.

A kind builds its index entries (`entries`), lists its entities for a full reindex
(`all_ids`), says who may see an entry (`visible`, through storage.clearance) and which
marking it carries (`marked`), and which page a result opens (`link`); see `base.SearchKind`.
A new kind is one more module here, listed in `KINDS`, plus a call to
`storage.search.index.index_entities` where that thing is written (alerts: storage.alerts).
"""

from __future__ import annotations

from storage.search.kinds import alert, document, finding, incident
from storage.search.kinds.base import Entry, SearchKind

KINDS: dict[str, SearchKind] = {kind.name: kind for kind in (document, finding, incident, alert)}

__all__ = ["KINDS", "Entry", "SearchKind"]
