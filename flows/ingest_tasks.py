"""Prefect tasks of ingestion: one per batch of items, never one per document.
Retries sit on the tasks that do network or inbox I/O."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.fetch import CacheEntry, Fetcher, FetchError, FetchResult, TransientFetchError
from flows.inbox import Inbox, InboxFile
from flows.ingest_plan import PlannedDocument, RawItem, SourceSpec, failed_plan, plan_item
from flows.ingest_store import count_batch, store_plans
from flows.run_log import internal_error, run_logger
from flows.settings import get_flow_settings
from nlp.formats.expansion import ExpansionBudget
from nlp.vocabulary import DocumentStatus
from storage.db import session_scope
from storage.runs import record_failure

DEFAULT_RETRY_DELAYS = [2.0, 5.0, 15.0]


class FetchBatch:
    """The URLs of one fetch task and what came of them. A plain class (Prefect hands it
    to the task untouched), so a retry fetches only the URLs still pending."""

    def __init__(self, requests: list[tuple[str, CacheEntry | None]]) -> None:
        self.requests = requests
        self.results: dict[str, FetchResult] = {}
        self.errors: dict[str, str] = {}
        self.transient: dict[str, str] = {}

    def pending(self) -> list[tuple[str, CacheEntry | None]]:
        done = self.results.keys() | self.errors.keys()
        return [(url, cache) for url, cache in self.requests if url not in done]

    def give_up(self, reason: str | None = None) -> None:
        """After the last retry: the transient failures become failures. After the task's
        timeout (`reason`), so do the URLs it did not get to."""
        self.errors.update(self.transient)
        self.transient = {}
        if reason is not None:
            self.errors.update((url, reason) for url, _ in self.pending())


@task(name="fetch", retries=3, retry_delay_seconds=DEFAULT_RETRY_DELAYS, cache_policy=NO_CACHE)
def fetch_task(batch: FetchBatch, fetcher: Fetcher, allow_private: bool) -> FetchBatch:
    batch.transient = {}
    for url, cache in batch.pending():
        try:
            batch.results[url] = fetcher.fetch(url, cache=cache, allow_private=allow_private)
        except TransientFetchError as error:
            batch.transient[url] = str(error)
        except FetchError as error:
            batch.errors[url] = str(error)
        except Exception as error:  # the URL's one handler: a bug costs this URL, not the run
            batch.errors[url] = internal_error(error, step="fetching", item=url, module=__name__)
    if batch.transient:
        url, reason = next(iter(batch.transient.items()))
        raise TransientFetchError(f"{len(batch.transient)} fetch(es) failed, first {url}: {reason}")
    return batch


@dataclass
class InboxRead:
    items: list[RawItem] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)  # file name -> reason


@task(name="read-inbox", retries=3, retry_delay_seconds=DEFAULT_RETRY_DELAYS, cache_policy=NO_CACHE)
def read_inbox_task(inbox: Inbox, files: list[InboxFile], cap: int) -> InboxRead:
    read = InboxRead()
    for file in files:
        name = file.name
        try:
            data = inbox.read(file, cap)
        except FileNotFoundError:
            continue  # taken by a concurrent run
        except (FetchError, ValueError) as error:  # refused: quarantined and recorded
            read.refused[name] = str(error)
            continue
        label = f"{inbox.label.rstrip('/')}/{name}"
        read.items.append(RawItem(item=label, data=data, filename=name, inbox_name=name))
    return read


@dataclass
class BatchReport:
    counts: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (item, reason)


def plan_safely(item: RawItem, source: SourceSpec) -> list[PlannedDocument]:
    """The item's one handler: bad input is already a failed document (plan_item); any
    other exception is a bug, logged with its traceback and recorded as the item's failure,
    and the batch carries on."""
    settings = get_flow_settings()
    budget = ExpansionBudget(
        max_documents=settings.max_documents_per_input,
        max_attachments=settings.max_attachments_per_input,
        max_chars=settings.max_chars_per_input,
    )
    try:
        return plan_item(item, source, budget=budget)
    except Exception as error:
        reason = internal_error(error, step="parsing", item=item.item, module=__name__)
        return [failed_plan(item, source, reason)]


def move_inbox_files(
    inbox: Inbox, items: list[RawItem], roots: dict[str, list[PlannedDocument]]
) -> dict[str, str]:
    """Processed or quarantined, after the commit; return quarantine paths by item."""
    quarantined: dict[str, str] = {}
    for item in items:
        if item.inbox_name is None:
            continue
        failed = [p for p in roots[item.item] if p.document.status == DocumentStatus.FAILED]
        if failed:
            reason = failed[0].document.error or "could not be parsed"
            quarantined[item.item] = inbox.quarantine(item.inbox_name, reason)
        else:
            inbox.mark_processed(item.inbox_name)
    return quarantined


@task(name="parse-and-store", cache_policy=NO_CACHE)
def store_task(
    items: list[RawItem],
    source: SourceSpec,
    run_id: int,
    inbox: Inbox | None = None,
    refused: dict[str, str] | None = None,
) -> BatchReport:
    roots = {item.item: plan_safely(item, source) for item in items}
    plans = [plan for item_plans in roots.values() for plan in item_plans]
    written = store_plans(plans)
    counts, failed = count_batch(plans, written)
    quarantined = move_inbox_files(inbox, items, roots) if inbox else {}
    report = BatchReport(counts=counts)
    log = run_logger(__name__)
    with session_scope() as session:
        for plan in failed:
            reason = plan.document.error or "could not be parsed"
            record_failure(
                session=session,
                run_id=run_id,
                source_id=source.id,
                item=plan.item,
                reason=reason,
                raw_key=plan.document.raw_key or plan.document.sha256,  # content address
                quarantine_path=quarantined.get(plan.item),
            )
            report.failures.append((plan.item, reason))
            log.warning("not ingested: %r: %s", plan.item, reason)
        for name, reason in (refused or {}).items():
            path = inbox.quarantine(name, reason) if inbox else None
            item = f"{inbox.label.rstrip('/')}/{name}" if inbox else name
            record_failure(
                session=session,
                run_id=run_id,
                source_id=source.id,
                item=item,
                reason=reason,
                quarantine_path=path,
            )
            report.failures.append((item, reason))
            report.counts["failed"] += 1
            log.warning("not ingested: %r: %s", item, reason)
    return report
