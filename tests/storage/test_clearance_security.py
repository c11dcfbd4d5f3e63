"""Security review, item 1: a user reads nothing marked above their TLP clearance, on any read
path, and something above it is "not found" exactly like a missing id. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import typer
from sqlmodel import Session
from typer.testing import CliRunner, Result

from flows.commands import platform, review
from flows.errors import UserError as CliError
from nlp.vocabulary import IncidentType, ReviewStatus, Role, Tlp
from storage.clearance import most_restrictive, readable_markings
from storage.dashboard import (
    incidents_by,
    incidents_for_map,
    material_findings_by_group,
    overview,
    relevant_documents_by_type,
    weekly_documents,
    weekly_incidents,
)
from storage.db import engine_for
from storage.documents import get_document, original_file
from storage.incidents import (
    IncidentError,
    attach_document,
    create_incident,
    draft_from_document,
    get_incident,
    incidents_of_document,
    list_incidents,
    merge_incidents,
)
from storage.models import Document, Finding, Incident, IncidentCreate
from storage.queue import QueueFilters, document_queue, filter_choices, finding_queue
from storage.review import confirm_finding, document_findings, finding_history, search_events
from storage.settings import get_storage_settings
from storage.status import collect_status
from storage.users import UserError, create_user, ensure_demo_users, list_users, set_clearance
from tests.factories import create_actor, create_document, create_finding, create_source, ident

pytestmark = pytest.mark.security

MARKINGS = (Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.RED)
ALL_STATUSES = QueueFilters(statuses=tuple(s.value for s in ReviewStatus))
MISSING = 999_999


@dataclass
class World:
    documents: dict[Tlp, Document]
    materials: dict[Tlp, Finding]  # confirmed MATERIAL finding of each document
    names: dict[Tlp, Finding]  # pending ORG finding of each document
    green_incident: Incident  # CLEAR + GREEN documents, on the map
    mixed_incident: Incident  # GREEN + AMBER documents, on the map
    red_incident: Incident  # the RED document

    def ids(self, *markings: Tlp) -> set[int]:
        return {ident(self.documents[m]) for m in markings}


# A distinct incident type per marking, so the by-type figures show which documents count.
TYPE_OF = {
    Tlp.CLEAR: IncidentType.THEFT,
    Tlp.GREEN: IncidentType.LOSS,
    Tlp.AMBER: IncidentType.TRAFFICKING_OR_SMUGGLING,
    Tlp.AMBER_STRICT: IncidentType.UNAUTHORIZED_POSSESSION,
    Tlp.RED: IncidentType.SCAM_OR_FRAUD,
}


def _document(session: Session, marking: Tlp) -> Document:
    name = marking.name.lower()
    return create_document(
        session,
        source=create_source(session),
        title=f"{name} report",
        marking=marking,
        language="fr" if marking == Tlp.AMBER else "en",
        relevant=True,
        relevance=0.9,
        incident_type=TYPE_OF[marking],
        published_at=datetime.now(UTC) - timedelta(days=3),
    )


def _incident(session: Session, title: str, documents: list[Document], country: str) -> Incident:
    data = IncidentCreate(
        title=title, country=country, incident_type=IncidentType.OTHER, latitude=45.0, longitude=5.0
    )
    ids = [ident(d) for d in documents]
    return create_incident(session=session, username="ana", data=data, document_ids=ids)


@pytest.fixture
def world(session: Session) -> World:
    create_actor(session, "ana")  # clearance RED: these tests pass the clearance under test
    documents = {marking: _document(session, marking) for marking in MARKINGS}
    materials, names = {}, {}
    for marking, document in documents.items():
        material = create_finding(
            session, document, "Cs-137", "MATERIAL", normalized=f"material-{marking.name}"
        )
        confirm_finding(
            session=session, finding_id=ident(material), expected_version=1, username="ana"
        )
        materials[marking] = material
        names[marking] = create_finding(session, document, "Norvik Gauge Services")
    green = _incident(session, "green", [documents[Tlp.CLEAR], documents[Tlp.GREEN]], "FR")
    mixed = _incident(session, "mixed", [documents[Tlp.GREEN], documents[Tlp.AMBER]], "NL")
    red = _incident(session, "red", [documents[Tlp.RED]], "DE")
    session.commit()
    return World(documents, materials, names, green, mixed, red)


def test_readable_markings_and_most_restrictive() -> None:
    assert readable_markings(Tlp.CLEAR) == [Tlp.CLEAR]
    assert readable_markings(Tlp.GREEN) == [Tlp.CLEAR, Tlp.GREEN]
    assert readable_markings(Tlp.AMBER) == [Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER]
    assert readable_markings(Tlp.RED) == list(Tlp)
    assert most_restrictive([Tlp.GREEN, Tlp.AMBER, Tlp.CLEAR]) == Tlp.AMBER
    assert most_restrictive([]) == Tlp.CLEAR


def test_queues_and_filter_choices(session: Session, world: World) -> None:
    documents = document_queue(session=session, filters=ALL_STATUSES, clearance=Tlp.GREEN)
    assert {row.id for row in documents.items} == world.ids(Tlp.CLEAR, Tlp.GREEN)
    assert documents.total == 2
    findings = finding_queue(session=session, filters=ALL_STATUSES, clearance=Tlp.GREEN)
    assert {row.document_id for row in findings.items} == world.ids(Tlp.CLEAR, Tlp.GREEN)
    assert findings.total == 4
    by_material = QueueFilters(statuses=(), material="material-AMBER")
    assert finding_queue(session=session, filters=by_material, clearance=Tlp.GREEN).total == 0
    assert document_queue(session=session, filters=by_material, clearance=Tlp.GREEN).total == 0
    choices = filter_choices(session=session, clearance=Tlp.GREEN)
    assert choices["languages"] == ["en"]
    assert choices["materials"] == ["material-CLEAR", "material-GREEN"]
    amber = document_queue(session=session, filters=ALL_STATUSES, clearance=Tlp.AMBER)
    assert {row.id for row in amber.items} == world.ids(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER)
    assert "material-AMBER" in filter_choices(session=session, clearance=Tlp.AMBER)["materials"]


def test_document_above_clearance_is_not_found(session: Session, world: World) -> None:
    amber, green = ident(world.documents[Tlp.AMBER]), ident(world.documents[Tlp.GREEN])
    assert get_document(session=session, document_id=amber, clearance=Tlp.GREEN) is None
    assert get_document(session=session, document_id=MISSING, clearance=Tlp.GREEN) is None
    assert get_document(session=session, document_id=green, clearance=Tlp.GREEN) is not None
    assert get_document(session=session, document_id=amber, clearance=Tlp.AMBER) is not None
    assert document_findings(session=session, document_id=amber, clearance=Tlp.GREEN) == []
    assert len(document_findings(session=session, document_id=amber, clearance=Tlp.AMBER)) == 2
    with pytest.raises(IncidentError) as hidden:
        draft_from_document(session=session, document_id=amber, clearance=Tlp.GREEN)
    with pytest.raises(IncidentError) as missing:
        draft_from_document(session=session, document_id=MISSING, clearance=Tlp.GREEN)
    assert str(hidden.value) == str(missing.value).replace(str(MISSING), str(amber))


def test_original_file_download(session: Session, world: World) -> None:
    amber, green = ident(world.documents[Tlp.AMBER]), ident(world.documents[Tlp.GREEN])
    assert original_file(session=session, document_id=amber, clearance=Tlp.GREEN) is None
    assert original_file(session=session, document_id=green, clearance=Tlp.GREEN)
    assert original_file(session=session, document_id=amber, clearance=Tlp.AMBER)


def test_incidents(session: Session, world: World) -> None:
    green, mixed = ident(world.green_incident), ident(world.mixed_incident)
    rows, total = list_incidents(session=session, clearance=Tlp.GREEN, include_merged=True)
    assert [ident(i) for i, _ in rows] == [green] and total == 1
    with pytest.raises(IncidentError) as hidden:
        get_incident(session=session, incident_id=mixed, clearance=Tlp.GREEN)
    with pytest.raises(IncidentError) as missing:
        get_incident(session=session, incident_id=MISSING, clearance=Tlp.GREEN)
    assert str(hidden.value) == str(missing.value).replace(str(MISSING), str(mixed))
    green_document = ident(world.documents[Tlp.GREEN])
    linked = incidents_of_document(session=session, document_id=green_document, clearance=Tlp.GREEN)
    assert [ident(i) for i in linked] == [green]
    detail = get_incident(session=session, incident_id=green, clearance=Tlp.GREEN)
    assert {ident(d) for d in detail.documents} == world.ids(Tlp.CLEAR, Tlp.GREEN)
    assert detail.marking == Tlp.GREEN
    shown = get_incident(session=session, incident_id=mixed, clearance=Tlp.AMBER)
    assert shown.marking == Tlp.AMBER
    assert {e.label for e in shown.timeline} >= {f"Document {d}" for d in world.ids(Tlp.AMBER)}
    amber_rows, _ = list_incidents(session=session, clearance=Tlp.AMBER)
    assert {ident(i) for i, _ in amber_rows} == {green, mixed}


def test_merged_incident_keeps_the_marking_of_its_documents(session: Session, world: World) -> None:
    amber_only = _incident(session, "amber only", [world.documents[Tlp.AMBER]], "BE")
    merge_incidents(
        session=session,
        merged_id=ident(amber_only),
        into_id=ident(world.mixed_incident),
        username="ana",
        reason="same event",
        clearance=Tlp.AMBER,
    )
    session.commit()
    rows, _ = list_incidents(session=session, clearance=Tlp.GREEN, include_merged=True)
    assert ident(amber_only) not in {ident(i) for i, _ in rows}
    with pytest.raises(IncidentError):
        get_incident(session=session, incident_id=ident(amber_only), clearance=Tlp.GREEN)
    merged = get_incident(session=session, incident_id=ident(amber_only), clearance=Tlp.AMBER)
    assert merged.marking == Tlp.AMBER


def test_incidents_chosen_by_id_above_clearance_are_not_found(
    session: Session, world: World
) -> None:
    """Merging or attaching by a typed id answers as for a missing id, and changes nothing."""
    green, mixed = ident(world.green_incident), ident(world.mixed_incident)
    green_document, amber_document = world.ids(Tlp.GREEN), world.ids(Tlp.AMBER)
    for merged_id, into_id in ((mixed, green), (green, mixed)):
        with pytest.raises(IncidentError, match=rf"^no incident {mixed}$"):
            merge_incidents(
                session=session,
                merged_id=merged_id,
                into_id=into_id,
                username="ana",
                reason="typed id",
                clearance=Tlp.GREEN,
            )
    with pytest.raises(IncidentError, match=rf"^no incident {mixed}$"):
        attach_document(
            session=session,
            incident_id=mixed,
            document_id=green_document.pop(),
            username="ana",
            clearance=Tlp.GREEN,
        )
    with pytest.raises(IncidentError, match=r"^no document \d+$"):
        attach_document(
            session=session,
            incident_id=green,
            document_id=amber_document.pop(),
            username="ana",
            clearance=Tlp.GREEN,
        )
    session.rollback()
    assert get_incident(session=session, incident_id=green, clearance=Tlp.GREEN).marking == (
        Tlp.GREEN
    )


def test_dashboard_figures(session: Session, world: World) -> None:
    figures = overview(session=session, clearance=Tlp.GREEN)
    assert (figures.documents, figures.relevant_documents) == (2, 2)
    assert (figures.pending_findings, figures.reviewed_findings) == (2, 2)
    assert figures.open_incidents == 1
    assert overview(session=session, clearance=Tlp.AMBER).open_incidents == 2
    assert overview(session=session, clearance=Tlp.RED).documents == 4
    assert sum(w["documents"] for w in weekly_documents(session=session, clearance=Tlp.GREEN)) == 2
    assert sum(w["incidents"] for w in weekly_incidents(session=session, clearance=Tlp.GREEN)) == 1
    by_country = incidents_by(session=session, field_name="country", clearance=Tlp.GREEN)
    assert by_country == [("FR", 1)]
    by_type = relevant_documents_by_type(session=session, clearance=Tlp.GREEN)
    assert sorted(by_type) == [(IncidentType.LOSS, 1), (IncidentType.THEFT, 1)]
    materials = material_findings_by_group(session=session, clearance=Tlp.GREEN)
    assert sorted(materials) == [("material-CLEAR", 1), ("material-GREEN", 1)]
    points = incidents_for_map(session=session, clearance=Tlp.GREEN)
    assert [p["id"] for p in points] == [ident(world.green_incident)]


def test_audit_trail(session: Session, world: World) -> None:
    create_user(session=session, username="bob", password="a long enough password", role="admin")
    events, total = search_events(session=session, clearance=Tlp.GREEN)
    seen = {(e.entity_type, e.entity_id) for e in events}
    assert total == len(events)
    assert ("finding", ident(world.materials[Tlp.GREEN])) in seen
    assert ("incident", ident(world.green_incident)) in seen
    assert any(kind == "user" for kind, _ in seen)
    hidden = {("finding", ident(world.materials[m])) for m in (Tlp.AMBER, Tlp.RED)}
    hidden |= {("incident", ident(i)) for i in (world.mixed_incident, world.red_incident)}
    assert not seen & hidden
    amber_finding = ident(world.materials[Tlp.AMBER])
    assert finding_history(session=session, finding_id=amber_finding, clearance=Tlp.GREEN) == []
    assert finding_history(session=session, finding_id=amber_finding, clearance=Tlp.AMBER)
    everything, _ = search_events(session=session, clearance=Tlp.RED)
    assert hidden <= {(e.entity_type, e.entity_id) for e in everything}


def test_status_counts_per_user_or_everything(session: Session, world: World) -> None:
    green = collect_status(session=session, clearance=Tlp.GREEN)
    assert (green["documents"], green["findings"]) == (2, 4)
    assert green["by_language"] == {"en": 2}
    operator = collect_status(session=session, clearance=None)
    assert (operator["documents"], operator["findings"]) == (4, 8)


def test_clearance_is_set_checked_and_audited(session: Session) -> None:
    user = create_user(
        session=session, username="ana", password="a long enough password", role="analyst"
    )
    assert user.clearance == Tlp.GREEN
    with pytest.raises(UserError):
        create_user(
            session=session,
            username="eve",
            password="a long enough password",
            role="analyst",
            clearance="TLP:BLUE",
        )
    root = create_actor(session, "root", Role.ADMIN)
    changed = set_clearance(session=session, username="ana", clearance="TLP:AMBER", by=root)
    session.commit()
    assert changed.clearance == Tlp.AMBER
    events, _ = search_events(session=session, clearance=Tlp.CLEAR, action="set_clearance")
    assert [(e.before, e.after) for e in events] == [
        ({"clearance": "TLP:GREEN"}, {"clearance": "TLP:AMBER"})
    ]
    with pytest.raises(UserError):
        set_clearance(session=session, username="nobody", clearance=Tlp.RED, by=root)


def test_demo_users_have_different_clearances(session: Session) -> None:
    ensure_demo_users(session=session)
    clearances = {u.username: u.clearance for u in list_users(session=session)}
    assert clearances == {
        "analyst": Tlp.AMBER,
        "trainee": Tlp.GREEN,
        "editor": Tlp.AMBER,
        "chief-editor": Tlp.AMBER,
        "admin": Tlp.RED,
    }


def test_cli_clearance_and_status_as_user(data_dir: Path) -> None:
    app = typer.Typer(pretty_exceptions_enable=False)
    platform.register(app)
    review.register(app)

    def run(*args: str) -> Result:
        result = CliRunner().invoke(app, list(args))
        assert result.exit_code == 0, result.output
        return result

    run("init")
    engine = engine_for(get_storage_settings().resolved_database_url)
    with Session(engine) as session:
        for marking in MARKINGS:
            session.add(Document(format="txt", marking=marking, sha256=marking.name.ljust(64)))
        session.commit()
    added = run(
        "users",
        "add",
        "--username",
        "ana",
        "--password",
        "a long enough password",
        "--clearance",
        "TLP:GREEN",
    )
    assert "clearance TLP:GREEN" in added.output
    assert json.loads(run("status", "--json", "--as", "ana").output)["documents"] == 2
    assert json.loads(run("status", "--json").output)["documents"] == 4
    run("users", "set-clearance", "--username", "ana", "--clearance", "TLP:AMBER")
    assert json.loads(run("status", "--json", "--as", "ana").output)["documents"] == 3
    assert "TLP:AMBER" in run("users", "list").output
    run("users", "set-email", "--username", "ana", "--email", "ana@bureau.example")
    assert "ana@bureau.example" in run("users", "list").output
    refused = CliRunner().invoke(app, ["users", "set-email", "--username", "ana", "--email", "x"])
    assert refused.exit_code != 0 and "one plain address" in str(refused.exception)
    unknown = CliRunner().invoke(app, ["status", "--as", "nobody"])
    assert isinstance(unknown.exception, CliError) and "nobody" in str(unknown.exception)
