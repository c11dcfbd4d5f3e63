"""Pure steps of ingestion: raw bytes in, planned documents out, duplicates set aside.
No database, no network and no Prefect here, so every step is a plain testable function."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from nlp.formats import parse_bytes, sniff_format
from nlp.formats.expansion import ExpansionBudget, ExpansionRefused
from nlp.types import ParsedDocument, ParseError
from nlp.vocabulary import DocumentStatus, SourceKind, Tlp
from storage.clearance import most_restrictive
from storage.models import DocumentCreate, Source

MAX_ATTACHMENT_DEPTH = 3
FORMAT_LENGTH = 20


@dataclass(frozen=True)
class SourceSpec:
    """What the tasks need to know of a Source row (a plain snapshot, no session)."""

    id: int
    name: str
    kind: SourceKind
    url: str | None
    urls: tuple[str, ...]
    inbox: str | None
    reliability: str
    default_marking: Tlp
    language_hint: str | None
    bureau_country: str | None
    allow_private_network: bool
    http_cache: dict[str, Any]

    @classmethod
    def from_source(cls, source: Source) -> SourceSpec:
        if source.id is None:
            raise ValueError("the source is not saved")
        return cls(
            id=source.id,
            name=source.name,
            kind=source.kind,
            url=source.url,
            urls=tuple(source.urls),
            inbox=source.inbox,
            reliability=source.reliability,
            default_marking=source.default_marking,
            language_hint=source.language_hint,
            bureau_country=source.bureau_country,
            allow_private_network=source.allow_private_network,
            http_cache=dict(source.http_cache),
        )


@dataclass
class RawItem:
    """One input: fetched or read bytes, or a feed entry with no page of its own."""

    item: str  # what operators see in failures: a URL or an inbox path
    data: bytes
    filename: str | None = None
    content_type: str | None = None
    url: str | None = None
    entry: ParsedDocument | None = None  # the feed entry this page was linked from
    note: str | None = None  # kept on the document, e.g. why the linked page is missing
    inbox_name: str | None = None  # file name in the inbox, for moving it afterwards
    refused: str | None = None  # why the bytes are refused before parsing (wrong format)


@dataclass
class PlannedDocument:
    document: DocumentCreate
    raw: bytes
    text: str
    item: str
    children: list[PlannedDocument] = field(default_factory=list)

    def walk(self) -> Iterable[PlannedDocument]:
        yield self
        for child in self.children:
            yield from child.walk()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def entry_key(document: ParsedDocument) -> bytes:
    """Identity of one of several documents from one payload: its address and content."""
    return f"{document.url or document.external_id or ''}\n{document.text}".encode()


def as_utc(value: datetime | None) -> datetime | None:
    """Datetimes are stored as aware UTC; a naive one is taken to be UTC already."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def tlp_or_none(value: Any) -> Tlp | None:
    if not isinstance(value, str):
        return None
    text = value.strip().upper()
    try:
        return Tlp(text if text.startswith("TLP:") else f"TLP:{text}")
    except ValueError:
        return None


def provenance(item: RawItem, source: SourceSpec) -> dict[str, Any]:
    return {
        "source_id": source.id,
        "url": item.url,
        "external_id": item.url or item.item,
        "reliability": source.reliability,
        "marking": source.default_marking,
        "bureau_country": source.bureau_country,
        "size_bytes": len(item.data),
    }


def failed_plan(item: RawItem, source: SourceSpec, reason: str) -> PlannedDocument:
    """Keep the raw bytes with the error, so nothing is lost."""
    fields = provenance(item, source)
    document = DocumentCreate(
        **fields,
        format=sniff_format(item.data, item.filename, item.content_type)[:FORMAT_LENGTH],
        sha256=sha256_hex(item.data),
        status=DocumentStatus.FAILED,
        error=reason[:2000],
        title=item.entry.title if item.entry else None,
    )
    return PlannedDocument(document=document, raw=item.data, text="", item=item.item)


def merge_entry(parsed: ParsedDocument, entry: ParsedDocument | None) -> ParsedDocument:
    """A page fetched for a feed entry keeps the entry's address, title and date."""
    if entry is None:
        return parsed
    parsed.url = entry.url or parsed.url
    parsed.external_id = entry.external_id or parsed.external_id
    parsed.title = parsed.title or entry.title
    parsed.published_at = entry.published_at or parsed.published_at
    return parsed


def external_id(parsed: ParsedDocument, item: RawItem) -> str:
    """An inbox document keeps its inbox path (and its own id, e.g. a Message-ID or a
    submission reference); a fetched one its feed id or URL."""
    if item.inbox_name is not None:
        own = f"#{parsed.external_id}" if parsed.external_id else ""
        return f"{item.item}{own}"[:1000]
    return (parsed.external_id or parsed.url or item.url or item.item)[:1000]


def country_refusal(submission: dict[str, Any], source: SourceSpec) -> str | None:
    """Why a submission claiming another bureau's country is refused, or None. Refused
    rather than overridden: its rendered text and stored fields name the claimed country,
    so overriding the row would leave a document contradicting its own provenance, while a
    refusal is a failure operators see, the bytes kept. An inbox that declares no bureau
    country is shared by several bureaus, and there the claim stands."""
    claimed = submission.get("bureau_country")
    if source.bureau_country is None or claimed == source.bureau_country:
        return None
    return (
        f"refused: the submission claims bureau country {str(claimed)[:8]!r}, "
        f"but inbox {source.name!r} belongs to bureau {source.bureau_country}"
    )


def submission_fields(submission: dict[str, Any], source: SourceSpec) -> dict[str, Any]:
    """A submission may make its marking more restrictive than its inbox's, never less."""
    claimed = tlp_or_none(submission.get("marking")) or source.default_marking
    return {
        "marking": most_restrictive([claimed, source.default_marking]),
        "bureau_country": submission.get("bureau_country") or source.bureau_country,
    }


def document_for(
    parsed: ParsedDocument, item: RawItem, source: SourceSpec, sha: str, size: int
) -> DocumentCreate:
    fields = provenance(item, source)
    submission = parsed.metadata.get("submission")
    refusal = None
    if isinstance(submission, dict):
        fields.update(submission_fields(submission, source))
        refusal = country_refusal(submission, source)
    status = DocumentStatus.NEEDS_OCR if "needs_ocr" in parsed.flags else DocumentStatus.PENDING
    fields.update(
        url=parsed.url or item.url,
        external_id=external_id(parsed, item),
        size_bytes=size,
    )
    return DocumentCreate(
        **fields,
        title=(parsed.title or None) and parsed.title[:1000],
        published_at=as_utc(parsed.published_at),
        language=(parsed.language or None) and parsed.language[:8],
        format=parsed.format[:FORMAT_LENGTH],
        sha256=sha,
        status=DocumentStatus.FAILED if refusal else status,
        error=refusal or item.note,
        submission=submission if isinstance(submission, dict) else None,
        bureau_reference=submission.get("reference") if isinstance(submission, dict) else None,
    )


Parser = Callable[[RawItem, SourceSpec], list[ParsedDocument]]


def parse_item(item: RawItem, source: SourceSpec) -> list[ParsedDocument]:
    """Parse the bytes; a feed entry whose linked page is missing or unreadable stands
    for itself, with a note saying why."""
    if item.refused:
        raise ParseError(item.refused)
    if item.entry is not None and not item.data:
        return [item.entry]
    try:
        parsed = parse_bytes(
            item.data,
            filename=item.filename,
            content_type=item.content_type,
            language_hint=source.language_hint,
        )
    except ParseError as error:
        if item.entry is None:
            raise
        item.note = f"linked page not parsed: {error}"
        return [item.entry]
    return [merge_entry(document, item.entry) for document in parsed]


def plan_item(
    item: RawItem,
    source: SourceSpec,
    *,
    parse: Parser = parse_item,
    budget: ExpansionBudget | None = None,
) -> list[PlannedDocument]:
    """Parse one input into planned documents (attachments as children); an input that
    cannot be parsed becomes one failed document holding its bytes. So does an input that
    expands past its budget, nested attachments included: refused whole, with the reason."""
    try:
        return plan_tree(item, source, parse, 0, budget or ExpansionBudget())
    except ExpansionRefused as error:
        return [failed_plan(item, source, str(error))]


def plan_tree(
    item: RawItem, source: SourceSpec, parse: Parser, depth: int, budget: ExpansionBudget
) -> list[PlannedDocument]:
    try:
        parsed = parse(item, source)
    except ExpansionRefused:
        raise  # refuses the whole input, in plan_item
    except ParseError as error:
        budget.charge(documents=1)
        return [failed_plan(item, source, str(error) or "could not be parsed")]
    if not parsed:
        budget.charge(documents=1)
        return [failed_plan(item, source, "no document found in the input")]
    budget.charge(documents=len(parsed), chars=sum(len(document.text) for document in parsed))
    single = len(parsed) == 1 and parsed[0] is not item.entry
    plans = []
    for document in parsed:
        raw = item.data if single else entry_key(document)
        create = document_for(document, item, source, sha256_hex(raw), len(raw))
        text = "" if create.status == DocumentStatus.FAILED else document.text
        plan = PlannedDocument(document=create, raw=raw, text=text, item=item.item)
        plan.children = plan_attachments(document, item, source, parse, depth, budget)
        plans.append(plan)
    return plans


def plan_attachments(
    document: ParsedDocument,
    item: RawItem,
    source: SourceSpec,
    parse: Parser,
    depth: int,
    budget: ExpansionBudget,
) -> list[PlannedDocument]:
    if document.attachments and depth >= MAX_ATTACHMENT_DEPTH:
        raise ExpansionRefused(
            f"refused: attachments nested more than {MAX_ATTACHMENT_DEPTH} deep "
            "(the bound per input file)"
        )
    budget.charge(attachments=len(document.attachments))
    children: list[PlannedDocument] = []
    for index, attachment in enumerate(document.attachments):
        label = f"{item.item}#attachment{index + 1}:{attachment.filename}"[:1000]
        child = RawItem(
            item=label,
            data=attachment.data,
            filename=attachment.filename,
            content_type=attachment.content_type,
        )
        children.extend(plan_tree(child, source, parse, depth + 1, budget))
    for planned in children:
        planned.document.url = None
        planned.document.external_id = planned.item
    return children


def batched(items: list[Any], size: int) -> list[list[Any]]:
    return [items[start : start + size] for start in range(0, len(items), size)]
