"""Persistence of ingestion sources. The sources file is the declaration; these keep
the Source table in step with it and hold the per-URL conditional-GET state."""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import urlsplit

from sqlmodel import Session, col, select

from nlp.vocabulary import SourceKind
from storage.db import insert_ignoring_conflicts
from storage.models import Source, SourceCreate


def get_source_by_name(*, session: Session, name: str) -> Source | None:
    return session.exec(select(Source).where(Source.name == name)).first()


def list_sources(
    *,
    session: Session,
    enabled_only: bool = False,
    kinds: Collection[SourceKind] | None = None,
    names: Collection[str] | None = None,
) -> list[Source]:
    query = select(Source).order_by(col(Source.name))
    if enabled_only:
        query = query.where(col(Source.enabled).is_(True))
    if kinds is not None:
        query = query.where(col(Source.kind).in_(list(kinds)))
    if names is not None:
        query = query.where(col(Source.name).in_(list(names)))
    return list(session.exec(query).all())


def upsert_source(*, session: Session, source_create: SourceCreate) -> Source:
    """Create the source, or update the declared fields of the one with that name.
    The conditional-GET cache and the creation date are kept. Two runs syncing the same
    new source at once: the loser's insert does nothing and it updates the winner's row."""
    values = source_create.model_dump()
    if get_source_by_name(session=session, name=source_create.name) is None:
        row = Source.model_validate(values).model_dump(exclude={"id"})
        table = Source.__table__  # type: ignore[attr-defined]
        session.execute(insert_ignoring_conflicts(session, table, [row], ["name"]))
    source = get_source_by_name(session=session, name=source_create.name)
    assert source is not None  # inserted above, by this transaction or a concurrent one
    for key, value in values.items():
        setattr(source, key, value)
    session.add(source)
    session.flush()
    return source


def disable_sources_except(*, session: Session, names: Collection[str]) -> list[Source]:
    """Disable every enabled source not in `names` (removed from the declaration)."""
    query = select(Source).where(col(Source.enabled).is_(True))
    stale = [source for source in session.exec(query).all() if source.name not in names]
    for source in stale:
        source.enabled = False
        session.add(source)
    session.flush()
    return stale


def save_http_cache(
    *,
    session: Session,
    source_id: int,
    url: str,
    etag: str | None,
    last_modified: str | None,
) -> Source:
    """Remember the validators of `url` for the next conditional GET."""
    source = session.get(Source, source_id)
    if source is None:
        raise LookupError(f"no source with id {source_id}")
    cache = dict(source.http_cache)
    entry = {key: value for key, value in (("etag", etag), ("last_modified", last_modified))}
    if any(entry.values()):
        cache[url] = entry
    else:
        cache.pop(url, None)
    source.http_cache = cache  # a new dict, so the JSON column is seen as changed
    session.add(source)
    session.flush()
    return source


def site_of(url: str) -> str:
    """The host a URL belongs to, lowercased ("" when it has none)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def declared_sites(source: Source) -> set[str]:
    return {site_of(url) for url in [source.url or "", *source.urls]} - {""}


def url_owners(*, session: Session, source_id: int, urls: Collection[str]) -> dict[str, str]:
    """The URLs among `urls` on another source's site (the hosts of its declared URLs, unless
    this source declares that host too), mapped to that source's name. A feed entry naming
    such a URL speaks for that source, so its page is not fetched in this source's name.
    What a source stored is not ownership: any source may name any URL in an entry."""
    if not urls:
        return {}
    sources = list(session.exec(select(Source)).all())
    own = {site for s in sources if s.id == source_id for site in declared_sites(s)}
    owners = {
        site: s.name for s in sources if s.id != source_id for site in declared_sites(s) - own
    }
    return {url: owners[site_of(url)] for url in urls if site_of(url) in owners}
