"""`radintel search`: documents, findings and incidents matching a query, within a
clearance; `radintel search --reindex` rebuilds the index."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer
from sqlalchemy.exc import OperationalError, ProgrammingError

from flows.errors import UserError
from nlp.vocabulary import Tlp

if TYPE_CHECKING:  # imported when the command runs, so `radintel --help` stays fast
    from sqlmodel import Session

    from storage.search.query import SearchFilters
    from storage.search.search import SearchPage


def search_command(
    query: Annotated[str | None, typer.Argument(help="Words, names, isotopes, serials.")] = None,
    kind: Annotated[
        list[str] | None, typer.Option(help="document, finding, incident or alert.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")] = None,
    country: Annotated[list[str] | None, typer.Option(help="ISO country code.")] = None,
    material: Annotated[list[str] | None, typer.Option(help="Nuclide or group.")] = None,
    source: Annotated[list[str] | None, typer.Option(help="Source name.")] = None,
    marking: Annotated[list[Tlp] | None, typer.Option(help="Only this marking.")] = None,
    status: Annotated[list[str] | None, typer.Option(help="Status of the thing found.")] = None,
    cursor: Annotated[str | None, typer.Option(help="The `next` of the page before.")] = None,
    limit: Annotated[int, typer.Option(help="Results per page (1-100).")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_user: Annotated[
        str | None, typer.Option("--as", help="Search what this user may read.")
    ] = None,
    ceiling: Annotated[
        Tlp, typer.Option(help="Most restrictive marking searched (also caps --as).")
    ] = Tlp.GREEN,
    reindex: Annotated[bool, typer.Option(help="Rebuild the whole index, then stop.")] = False,
) -> None:
    """Search documents, findings and incidents. Without --as, nothing above --ceiling
    (default TLP:GREEN) is searched, as for exports."""
    from storage.authz import OPERATOR, PermissionDenied
    from storage.db import session_scope
    from storage.search.query import SearchError, SearchFilters

    try:
        with session_scope() as session:
            if reindex:
                _reindex(session)
                return
            if not query:
                raise UserError("give a query, or --reindex")
            filters = SearchFilters(
                kinds=tuple(kind or ()),
                since=_day(since),
                until=_day(until),
                countries=tuple(c.upper() for c in country or ()),
                materials=tuple(material or ()),
                sources=_source_ids(session, source or []),
                markings=tuple(marking or ()),
                statuses=tuple(status or ()),
            )
            page = _search(session, query, filters, cursor, limit, as_user or OPERATOR, ceiling)
    except (SearchError, PermissionDenied) as error:
        raise UserError(str(error)) from error
    except (OperationalError, ProgrammingError) as error:
        raise UserError("database not ready; run `radintel init`") from error
    _print(page, as_json)


def _search(
    session: Session,
    query: str,
    filters: SearchFilters,
    cursor: str | None,
    limit: int,
    username: str,
    ceiling: Tlp,
) -> SearchPage:
    from storage.exports import effective_limit
    from storage.search.search import reader_clearance, search

    clearance = effective_limit(ceiling, reader_clearance(session=session, username=username))
    return search(
        session=session,
        query=query,
        clearance=clearance,
        filters=filters,
        cursor=cursor,
        limit=limit,
    )


def _reindex(session: Session) -> None:
    from storage.search.index import reindex_batches
    from storage.search.kinds import KINDS

    for kind in KINDS:
        written = 0
        for count in reindex_batches(session=session, kind=kind):
            written += count
            session.commit()  # a long rebuild keeps what it has done
        typer.echo(f"indexed {written} {kind}(s)")


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise UserError(f"not a date (YYYY-MM-DD): {value!r}") from error


def _source_ids(session: Session, names: list[str]) -> tuple[int, ...]:
    from sqlmodel import col, select

    from storage.models import Source

    if not names:
        return ()
    rows = session.exec(select(Source).where(col(Source.name).in_(names))).all()
    missing = set(names) - {s.name for s in rows}
    if missing:
        raise UserError(f"no source named {sorted(missing)[0]!r}")
    return tuple(s.id for s in rows if s.id is not None)


def _print(page: SearchPage, as_json: bool) -> None:
    if as_json:
        results = [
            {
                "kind": r.kind,
                "id": r.id,
                "external_id": r.external_id,
                "title": r.title,
                "snippet": r.snippet,
                "score": r.score,
            }
            for r in page.results
        ]
        typer.echo(json.dumps({"results": results, "next": page.next_cursor}, ensure_ascii=False))
        return
    for r in page.results:
        typer.echo(f"{r.kind} {r.id}  {_line(r.title)}  ({r.score:.3f})")
        typer.echo(f"    {_line(r.snippet)}")
    typer.echo(f"next: {page.next_cursor}" if page.next_cursor else "(last page)")


def _line(value: str) -> str:
    """One line of untrusted text for a terminal: no control characters or escapes."""
    return "".join(c if c.isprintable() else " " for c in value)[:300]


def register(app: typer.Typer) -> None:
    app.command("search")(search_command)
