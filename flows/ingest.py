"""The ingestion flow: sync the declared sources, then for each source fetch or read in
batches and parse+store each batch. One IngestRun row per source and run, with counts
{new, duplicates, failed, not_modified, needs_ocr} and one IngestFailure per bad input."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from typing import Any

from prefect import flow

from flows.fetch import CacheEntry, Fetcher, TransientFetchError, build_fetcher
from flows.inbox import FolderInbox, Inbox, InboxUnavailable, S3Inbox
from flows.ingest_plan import RawItem, SourceSpec, batched
from flows.ingest_retry import requeue_retry_requests
from flows.ingest_tasks import FetchBatch, fetch_task, read_inbox_task, store_task
from flows.logs import log_context
from flows.run_log import internal_error, run_logger
from flows.settings import FlowSettings, get_flow_settings
from flows.sources_file import read_sources
from nlp.formats import parse_bytes, sniff_format
from nlp.types import ParsedDocument, ParseError
from nlp.vocabulary import SourceKind
from storage.db import session_scope
from storage.documents import known_urls
from storage.models._base import utcnow
from storage.runs import (
    finish_run,
    last_completed_run,
    mark_crashed_runs,
    record_failure,
    start_run,
)
from storage.sources import (
    disable_sources_except,
    list_sources,
    save_http_cache,
    upsert_source,
    url_owners,
)

FLOW = "ingest"
COUNT_KEYS = ("new", "duplicates", "failed", "not_modified", "needs_ocr")
FEED_KINDS = (SourceKind.FEED, SourceKind.WEB)
INBOX_KINDS = (SourceKind.INBOX_FOLDER, SourceKind.INBOX_S3)
SCHEDULE_SLACK = timedelta(seconds=30)


@dataclass
class SourceRun:
    """What one source's run did, as the CLI and the flow result show it."""

    source: str
    run_id: int
    status: str = "running"
    counts: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "counts": {key: self.counts[key] for key in sorted(self.counts)}}

    def add(self, counts: Counter[str], failures: list[tuple[str, str]]) -> None:
        self.counts.update(counts)
        self.failures.extend(failures)

    def fail(self, item: str, reason: str, source_id: int) -> None:
        with session_scope() as session:
            record_failure(
                session=session, run_id=self.run_id, source_id=source_id, item=item, reason=reason
            )
        self.counts["failed"] += 1
        self.failures.append((item, reason))
        run_logger(__name__).warning("not ingested: %r: %s", item, reason)


def sync_sources(settings: FlowSettings) -> None:
    """The sources file is the declaration: upsert its sources, disable the others.
    Without a file, the sources already in the database are used as they are."""
    path = settings.resolved_sources_file
    if not path.exists():
        return
    declared = read_sources(path)
    with session_scope() as session:
        for source_create in declared:
            upsert_source(session=session, source_create=source_create)
        disable_sources_except(session=session, names={source.name for source in declared})


def is_due(spec: SourceSpec, schedule_minutes: int) -> bool:
    with session_scope() as session:
        last = last_completed_run(session=session, flow=FLOW, source_id=spec.id)
    if last is None:
        return True
    return utcnow() - last.started_at >= timedelta(minutes=schedule_minutes) - SCHEDULE_SLACK


def select_sources(
    source_names: list[str] | None, kinds: list[str] | None, scheduled: bool
) -> list[SourceSpec]:
    with session_scope() as session:
        sources = list_sources(
            session=session,
            enabled_only=source_names is None,
            kinds=[SourceKind(kind) for kind in kinds] if kinds else None,
            names=source_names,
        )
        specs = [(SourceSpec.from_source(s), s.schedule_minutes) for s in sources]
    missing = sorted(set(source_names or ()) - {spec.name for spec, _ in specs})
    if missing:
        raise ValueError(f"unknown sources: {', '.join(missing)}")
    return [spec for spec, minutes in specs if not scheduled or is_due(spec, minutes)]


def run_fetch(
    batch: FetchBatch, fetcher: Fetcher, spec: SourceSpec, settings: FlowSettings
) -> None:
    delays = settings.fetch_retry_delays
    timeout = settings.fetch_task_timeout_seconds
    configured = fetch_task.with_options(
        retries=len(delays), retry_delay_seconds=delays or 0, timeout_seconds=timeout
    )
    try:
        configured(batch, fetcher, spec.allow_private_network)
    except TransientFetchError:  # the last retry failed too
        batch.give_up()
    except TimeoutError:  # Prefect's TaskRunTimeoutError, after the last retry
        batch.give_up(f"fetch task timed out after {timeout:g} s")


def cache_of(spec: SourceSpec, url: str) -> CacheEntry | None:
    return CacheEntry.from_json(spec.http_cache.get(url))


def remember(spec: SourceSpec, url: str, etag: str | None, last_modified: str | None) -> None:
    with session_scope() as session:
        save_http_cache(
            session=session, source_id=spec.id, url=url, etag=etag, last_modified=last_modified
        )


def store(run: SourceRun, items: list[RawItem], spec: SourceSpec, **kwargs: Any) -> None:
    timeout = get_flow_settings().store_task_timeout_seconds
    report = store_task.with_options(timeout_seconds=timeout)(items, spec, run.run_id, **kwargs)
    run.add(report.counts, report.failures)


def entry_items(
    entries: list[ParsedDocument],
    spec: SourceSpec,
    run: SourceRun,
    fetcher: Fetcher,
    settings: FlowSettings,
    owners: dict[str, str],
) -> list[RawItem]:
    """One item per entry: the linked page when it can be fetched, else the entry alone.
    A page that belongs to another source (`owners`) is not fetched in this source's name:
    its bytes would then be a duplicate of that source's own article, which never got
    stored under that source's provenance."""
    linked = [e.url for e in entries if e.url and e.url not in owners]
    linked = linked if settings.feed_fetch_articles else []
    pages = FetchBatch([(url, None) for url in linked])
    if linked:
        run_fetch(pages, fetcher, spec, settings)
    items = []
    for entry in entries:
        label = entry.url or f"{spec.url}#{entry.external_id or entry.title or ''}"
        page = pages.results.get(entry.url or "")
        note = pages.errors.get(entry.url or "")
        if entry.url in owners:
            note = f"it belongs to source {owners[entry.url]!r}"
        items.append(
            RawItem(
                item=label[:1000],
                data=page.data if page else b"",
                content_type=page.content_type if page else None,
                url=entry.url,
                entry=entry,
                note=f"linked page not fetched: {note}" if note else None,
            )
        )
    return items


def ingest_feed(spec: SourceSpec, run: SourceRun, fetcher: Fetcher, settings: FlowSettings) -> None:
    url = spec.url or ""
    batch = FetchBatch([(url, cache_of(spec, url))])
    run_fetch(batch, fetcher, spec, settings)
    if url in batch.errors:
        run.fail(url, batch.errors[url], spec.id)
        return
    result = batch.results[url]
    if result.not_modified:
        run.counts["not_modified"] += 1
        return
    entries = feed_entries(spec, run, result.data, result.content_type, url)
    urls = [e.url for e in entries if e.url]
    with session_scope() as session:
        seen = known_urls(session=session, source_id=spec.id, urls=urls)
        owners = url_owners(session=session, source_id=spec.id, urls=urls)
    run.counts["duplicates"] += sum(1 for e in entries if e.url in seen)
    fresh = [e for e in entries if e.url not in seen]
    for chunk in batched(fresh, settings.batch_size):
        store(run, entry_items(chunk, spec, run, fetcher, settings, owners), spec)
    remember(spec, url, result.etag, result.last_modified)


def feed_entries(
    spec: SourceSpec, run: SourceRun, data: bytes, content_type: str | None, url: str
) -> list[ParsedDocument]:
    """The entries of the feed; a payload that is not a readable feed is stored as one
    failed document (its bytes kept) and yields no entries. This is the feed's one handler:
    a parser bug is logged with its traceback and recorded as the feed's failure."""
    kind = sniff_format(data, None, content_type)
    refused = None if kind == "rss" else f"not a feed: the content looks like {kind}"
    if refused is None:
        try:
            return parse_bytes(data, content_type=content_type, language_hint=spec.language_hint)
        except ParseError as error:
            refused = f"malformed feed: {error}"
        except Exception as error:
            refused = internal_error(error, step="parsing", item=url, module=__name__)
    item = RawItem(item=url, data=data, content_type=content_type, url=url, refused=refused)
    store(run, [item], spec)
    return []


def ingest_web(spec: SourceSpec, run: SourceRun, fetcher: Fetcher, settings: FlowSettings) -> None:
    urls = list(spec.urls) or ([spec.url] if spec.url else [])
    for chunk in batched(urls, settings.batch_size):
        batch = FetchBatch([(url, cache_of(spec, url)) for url in chunk])
        run_fetch(batch, fetcher, spec, settings)
        for url, reason in batch.errors.items():
            run.fail(url, reason, spec.id)
        fetched = [r for r in batch.results.values() if not r.not_modified]
        run.counts["not_modified"] += len(batch.results) - len(fetched)
        items = [
            RawItem(item=r.url, data=r.data, content_type=r.content_type, url=r.url)
            for r in fetched
        ]
        if items:
            store(run, items, spec)
        for result in fetched:
            remember(spec, result.url, result.etag, result.last_modified)


def open_inbox(spec: SourceSpec) -> Inbox:
    if spec.kind == SourceKind.INBOX_S3:
        return S3Inbox.for_prefix(spec.inbox or "")
    return FolderInbox.for_path(spec.inbox or "")


def ingest_inbox(spec: SourceSpec, run: SourceRun, settings: FlowSettings) -> None:
    inbox = open_inbox(spec)
    files = inbox.list()
    for chunk in batched(files, settings.batch_size):
        read = read_inbox_task.with_options(timeout_seconds=settings.store_task_timeout_seconds)(
            inbox, chunk, settings.max_download_bytes
        )
        store(run, read.items, spec, inbox=inbox, refused=read.refused)


def ingest_source(spec: SourceSpec, fetcher: Fetcher, settings: FlowSettings) -> SourceRun:
    with session_scope() as session:
        run_row = start_run(session=session, flow=FLOW, source_id=spec.id)
    run = SourceRun(source=spec.name, run_id=run_row.id or 0)
    run.counts.update(dict.fromkeys(COUNT_KEYS, 0))
    with log_context(flow=FLOW, run_id=run.run_id, source=spec.name):
        ingest_source_run(spec, run, fetcher, settings)
    return run


def ingest_source_run(
    spec: SourceSpec, run: SourceRun, fetcher: Fetcher, settings: FlowSettings
) -> None:
    """Ingest the source into `run`; whatever happens, the run is finished."""
    try:
        if spec.kind == SourceKind.FEED:
            ingest_feed(spec, run, fetcher, settings)
        elif spec.kind == SourceKind.WEB:
            ingest_web(spec, run, fetcher, settings)
        else:
            ingest_inbox(spec, run, settings)
    except InboxUnavailable as error:
        run.error = str(error)
    except Exception as error:
        # Not an item's failure (each item has its own handler) but the source's (a bug, an
        # unreachable store): its run is failed with the logged traceback, the other sources
        # of this flow run still go.
        run.error = internal_error(error, step="source", item=spec.name, module=__name__)
    finish_source_run(run, run.error)


def finish_source_run(run: SourceRun, error: str | None) -> None:
    run.error = error
    with session_scope() as session:
        finished = finish_run(
            session=session, run_id=run.run_id, counts=dict(run.counts), error=error
        )
    run.status = finished.status.value


def ingest_with(
    fetcher: Fetcher,
    source_names: list[str] | None = None,
    kinds: list[str] | None = None,
    scheduled: bool = False,
) -> list[dict[str, Any]]:
    """The body of an ingestion flow, fetching with `fetcher` (which the caller closes)."""
    settings = get_flow_settings()
    sync_sources(settings)
    requeue_retry_requests()
    with session_scope() as session:
        mark_crashed_runs(
            session=session, flow=FLOW, stale_after=timedelta(hours=settings.stale_run_hours)
        )
    specs = select_sources(source_names, kinds, scheduled)
    return [ingest_source(spec, fetcher, settings).as_dict() for spec in specs]


@flow(name="ingest")
def ingest_flow(
    source_names: list[str] | None = None,
    kinds: list[str] | None = None,
    scheduled: bool = False,
) -> list[dict[str, Any]]:
    """Ingest the named sources (default: every enabled one, or those of `kinds`). When
    `scheduled`, a source is skipped until its own schedule_minutes have passed."""
    fetcher = build_fetcher(get_flow_settings())
    try:
        return ingest_with(fetcher, source_names, kinds, scheduled)
    finally:
        fetcher.close()
