"""What an export may contain: confirmed evidence only, nothing above the lower of the
ceiling and the reader's clearance (left out and counted), within the period."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, select

from nlp.vocabulary import AuditEntity, ExportKind, Label, ReviewStatus, Tlp
from storage.authz import OPERATOR, PermissionDenied
from storage.exports import (
    effective_limit,
    export_clearance,
    export_records,
    record_export,
)
from storage.models import Document, ReviewEvent
from storage.periods import parse_period
from tests.factories import (
    create_actor,
    create_confirmed_incident,
    create_document,
    create_finding,
    create_incident,
    create_source,
    ident,
)


@pytest.fixture(autouse=True)
def reviewer(session: Session) -> None:
    create_actor(session, "ana")


def marked(session: Session, marking: Tlp, **fields: object) -> Document:
    return create_document(session, marking=marking, **fields)


def incidents(
    session: Session, clearance: Tlp, ceiling: Tlp, period: str | None = None
) -> tuple[list[str], int]:
    records = export_records(
        session=session,
        what=ExportKind.INCIDENTS,
        clearance=clearance,
        ceiling=ceiling,
        period=parse_period(period) if period else None,
    )
    return [i.incident.title for i in records.incidents], records.left_out


def test_only_confirmed_incidents_with_marking_sources_and_documents(session: Session) -> None:
    source = create_source(session, "Reuters")
    green, clear = marked(session, Tlp.GREEN, source=source), marked(session, Tlp.CLEAR)
    confirmed = create_confirmed_incident(session, [green, clear], title="confirmed")
    create_incident(session, [marked(session, Tlp.GREEN)])  # open: counts nowhere
    records = export_records(
        session=session, what=ExportKind.INCIDENTS, clearance=Tlp.RED, ceiling=Tlp.RED, period=None
    )
    (exported,) = records.incidents
    assert exported.incident.id == confirmed.id
    assert exported.marking == Tlp.GREEN and records.marking == Tlp.GREEN
    assert exported.sources == ("Reuters",)
    assert exported.document_ids == (ident(green), ident(clear))
    assert records.left_out == 0 and records.count == 1


@pytest.mark.parametrize(
    ("clearance", "ceiling", "kept", "left_out"),
    [
        (Tlp.RED, Tlp.GREEN, ["clear", "green"], 2),
        (Tlp.GREEN, Tlp.RED, ["clear", "green"], 2),  # the clearance caps the ceiling
        (Tlp.RED, Tlp.AMBER_STRICT, ["clear", "green", "amber"], 1),
        (Tlp.AMBER, Tlp.RED, ["clear", "green", "amber"], 1),
        (Tlp.CLEAR, Tlp.RED, ["clear"], 3),
    ],
)
def test_the_lower_of_ceiling_and_clearance_leaves_out_and_counts(
    session: Session, clearance: Tlp, ceiling: Tlp, kept: list[str], left_out: int
) -> None:
    for name, marking in (("clear", Tlp.CLEAR), ("green", Tlp.GREEN), ("amber", Tlp.AMBER)):
        create_confirmed_incident(session, [marked(session, marking)], title=name)
    # One RED document makes the whole incident RED.
    mixed = [marked(session, Tlp.CLEAR), marked(session, Tlp.RED)]
    create_confirmed_incident(session, mixed, title="red")
    assert incidents(session, clearance, ceiling) == (kept, left_out)
    assert effective_limit(ceiling, clearance).rank == min(ceiling.rank, clearance.rank)


def test_period_filters_by_incident_date(session: Session) -> None:
    for title, occurred, reported in (
        ("march", date(2026, 3, 2), None),
        ("reported in march", None, date(2026, 3, 20)),
        ("april", date(2026, 4, 1), date(2026, 3, 3)),
        ("undated", None, None),
    ):
        create_confirmed_incident(
            session, [marked(session, Tlp.GREEN)], title=title, occurred_on=occurred,
            reported_on=reported,
        )  # fmt: skip
    assert incidents(session, Tlp.RED, Tlp.RED, "2026-03") == (["march", "reported in march"], 0)
    assert len(incidents(session, Tlp.RED, Tlp.RED)[0]) == 4


def test_documents_of_confirmed_incidents_only(session: Session) -> None:
    source = create_source(session, "IAEA")
    linked = marked(
        session, Tlp.GREEN, source=source, published_at=datetime(2026, 5, 1, tzinfo=UTC)
    )
    hidden = marked(session, Tlp.RED, published_at=datetime(2026, 5, 2, tzinfo=UTC))
    incident = create_confirmed_incident(session, [linked, hidden])
    create_incident(session, [marked(session, Tlp.GREEN)])  # open
    marked(session, Tlp.GREEN, relevant=True)  # relevant, in no confirmed incident
    records = export_records(
        session=session, what=ExportKind.DOCUMENTS, clearance=Tlp.AMBER, ceiling=Tlp.RED,
        period=parse_period("2026-05"),
    )  # fmt: skip
    (exported,) = records.documents
    assert exported.document.id == linked.id and exported.source == "IAEA"
    assert exported.incident_ids == (incident.id,)
    assert records.left_out == 1


def test_confirmed_and_corrected_findings_only(session: Session) -> None:
    green, red = marked(session, Tlp.GREEN), marked(session, Tlp.RED)
    wanted = {}
    for status in ReviewStatus:
        finding = create_finding(session, green, "Cs-137", Label.MATERIAL, status=status)
        wanted[status] = finding.id
    create_finding(session, red, "Cs-137", Label.MATERIAL, status=ReviewStatus.CONFIRMED)
    records = export_records(
        session=session, what=ExportKind.FINDINGS, clearance=Tlp.RED, ceiling=Tlp.AMBER, period=None
    )
    assert [f.finding.id for f in records.findings] == [
        wanted[ReviewStatus.CONFIRMED],
        wanted[ReviewStatus.CORRECTED],
    ]
    assert {f.marking for f in records.findings} == {Tlp.GREEN}
    assert records.left_out == 1


def test_clearance_of_operator_and_users(session: Session) -> None:
    assert export_clearance(session=session, username=OPERATOR) == Tlp.RED
    create_actor(session, "bob", clearance=Tlp.AMBER)
    assert export_clearance(session=session, username="bob") == Tlp.AMBER
    with pytest.raises(PermissionDenied, match="not signed in with a known account"):
        export_clearance(session=session, username="nobody")


def test_an_export_is_audited(session: Session) -> None:
    create_confirmed_incident(session, [marked(session, Tlp.GREEN)])
    records = export_records(
        session=session,
        what=ExportKind.INCIDENTS,
        clearance=Tlp.RED,
        ceiling=Tlp.CLEAR,
        period=None,
    )
    record_export(
        session=session, username=OPERATOR, records=records, export_format="stix", ceiling=Tlp.CLEAR
    )
    session.commit()
    (event,) = session.exec(
        select(ReviewEvent).where(ReviewEvent.entity_type == AuditEntity.EXPORT)
    ).all()
    assert (event.username, event.action) == ("operator", "export")
    assert event.after == {
        "what": "incidents", "format": "stix", "count": 0, "left_out": 1,
        "ceiling": "TLP:CLEAR", "limit": "TLP:CLEAR",
    }  # fmt: skip
