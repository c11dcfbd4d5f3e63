"""The data snapshot of an assessment: which confirmed incidents count, where, against what,
and what is left out (above the ceiling, undated), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlmodel import Session

from nlp.vocabulary import (
    IncidentStatus,
    IncidentType,
    IntentGroup,
    MaterialGroup,
    SourceKind,
    Tlp,
)
from storage.assessment_snapshot import (
    AssessmentError,
    activity_text,
    build_snapshot,
    material_text,
)
from storage.models import Incident, IncidentDocument, IncidentMaterial, Snapshot
from storage.periods import parse_period
from storage.scopes import ScopeError, in_scope, parse_scope
from tests.factories import create_actor, create_document, create_incident, create_source

Q3 = parse_period("2026-Q3")
CS137 = {"name": "Cs-137", "activity_bq": 3.7e9, "iaea_category": 4}
IR192 = {"name": "Ir-192", "activity_bq": 1.2e12, "iaea_category": 2}


@pytest.fixture
def analyst(session: Session) -> None:
    create_actor(session, "ana")


def confirmed(
    session: Session, marking: Tlp = Tlp.GREEN, source_name: str | None = None, **fields: Any
) -> Incident:
    source = create_source(session, source_name, SourceKind.FEED) if source_name else None
    document = create_document(
        session, marking=marking, source=source, reliability="B", credibility=2
    )
    values = {"status": IncidentStatus.CONFIRMED, "country": "DE", **fields}
    return create_incident(session, [document], **values)


def snapshot(
    session: Session, scope: str | None = None, ceiling: Tlp = Tlp.AMBER, period: str = "2026-Q3"
) -> Snapshot:
    return build_snapshot(
        session=session,
        period=parse_period(period),
        scope=scope,
        ceiling=ceiling,
        clearance=Tlp.RED,
    )


@pytest.mark.usefixtures("analyst")
def test_counts_only_confirmed_incidents_of_the_period_by_dimension(session: Session) -> None:
    theft = confirmed(
        session,
        occurred_on=date(2026, 8, 3),
        incident_type=IncidentType.THEFT,
        intent_group=IntentGroup.LIKELY_TRAFFICKING_OR_MALICIOUS,
        material_group=MaterialGroup.RADIOACTIVE_SOURCE,
        materials=[CS137, IR192],
    )
    confirmed(session, occurred_on=None, reported_on=date(2026, 7, 1), country="FR")
    confirmed(session, occurred_on=date(2026, 6, 30), occurred_until=date(2026, 7, 2))
    confirmed(session, occurred_on=date(2026, 10, 1))
    opened = confirmed(session, occurred_on=date(2026, 8, 4), status=IncidentStatus.OPEN)
    result = snapshot(session)
    assert [row.id for row in result.incidents][1] == theft.id
    assert opened.id not in [row.id for row in result.incidents]
    assert len(result.incidents) == 2
    assert result.counts["incident_type"] == {"other": 1, "theft": 1}
    assert result.counts["iaea_category"] == {"2": 1, "unknown": 1}
    assert result.counts["country"] == {"DE": 1, "FR": 1}
    assert result.counts["material_group"]["radioactive_source"] == 1
    assert result.counts["intent_group"] == {
        "likely_trafficking_or_malicious": 1,
        "undetermined": 1,
    }
    assert result.previous_period == "2026-Q2" and result.previous_total == 1
    assert result.previous_counts["country"] == {"DE": 1}
    row = result.incidents[1]
    assert row.materials == ["Ir-192, 1.2 TBq, Cat 2", "Cs-137, 3.7 GBq, Cat 4"]
    assert row.iaea_category == 2


@pytest.mark.usefixtures("analyst")
def test_scope_by_country_and_region_includes_other_countries(session: Session) -> None:
    day = date(2026, 8, 1)
    german = confirmed(session, occurred_on=day)
    transit = confirmed(session, occurred_on=day, country="KE", other_countries=["FR"])
    confirmed(session, occurred_on=day, country="BR")
    stateless = confirmed(session, occurred_on=day, country=None)
    assert [r.id for r in snapshot(session, "de").incidents] == [german.id]
    assert [r.id for r in snapshot(session, "FR").incidents] == [transit.id]
    assert [r.id for r in snapshot(session, "europe").incidents] == [german.id, transit.id]
    assert snapshot(session, "Europe").scope == "Europe"
    assert len(snapshot(session, "South America").incidents) == 1
    assert stateless.id in [r.id for r in snapshot(session).incidents]
    with pytest.raises(ScopeError, match=r"unknown scope 'Narnia'.*Europe"):
        snapshot(session, "Narnia")


@pytest.mark.usefixtures("analyst")
def test_leaves_out_incidents_above_the_ceiling_and_undated_ones(session: Session) -> None:
    day = date(2026, 8, 1)
    amber = confirmed(session, Tlp.AMBER, occurred_on=day)
    confirmed(session, Tlp.RED, occurred_on=day)
    confirmed(session, Tlp.AMBER_STRICT, occurred_on=day)
    confirmed(session, Tlp.GREEN, occurred_on=None, reported_on=None)
    confirmed(session, Tlp.GREEN, occurred_on=None, reported_on=None, country="BR")
    result = snapshot(session, scope="DE", ceiling=Tlp.AMBER)
    assert [r.id for r in result.incidents] == [amber.id]
    assert (result.left_out_above_ceiling, result.left_out_undated) == (2, 1)
    assert result.marking == Tlp.AMBER and result.incidents[0].marking == Tlp.AMBER
    assert snapshot(session, ceiling=Tlp.RED).marking == Tlp.RED
    assert snapshot(session, period="2025").marking == Tlp.CLEAR


def test_the_ceiling_may_not_exceed_the_clearance(session: Session) -> None:
    with pytest.raises(AssessmentError, match="ceiling TLP:RED is above your clearance"):
        build_snapshot(session=session, period=Q3, scope=None, ceiling=Tlp.RED, clearance=Tlp.AMBER)


@pytest.mark.usefixtures("analyst")
def test_sources_are_graded_and_a_secret_document_hides_its_incident(session: Session) -> None:
    incident = confirmed(session, source_name="Reuters", occurred_on=date(2026, 8, 1))
    secret = create_document(session, marking=Tlp.RED, source=create_source(session, "Bureau"))
    session.add(
        IncidentDocument(incident_id=incident.id or 0, document_id=secret.id or 0, linked_by="ana")
    )
    session.commit()
    assert snapshot(session, ceiling=Tlp.RED).incidents[0].sources == [
        "Bureau (F6)",
        "Reuters (B2)",
    ]
    green = snapshot(session, ceiling=Tlp.AMBER)
    assert green.incidents == [] and green.left_out_above_ceiling == 1


@pytest.mark.usefixtures("analyst")
def test_the_same_data_gives_the_same_snapshot(session: Session) -> None:
    for day in (date(2026, 9, 2), date(2026, 7, 9), date(2026, 7, 9)):
        confirmed(session, occurred_on=day, materials=[CS137])
    first, second = snapshot(session), snapshot(session)
    assert first.model_dump(exclude={"built_at"}) == second.model_dump(exclude={"built_at"})
    keys = [(r.occurred_on, r.id) for r in first.incidents]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    ("material", "text"),
    [
        (CS137, "Cs-137, 3.7 GBq, Cat 4"),
        ({"name": "HEU", "quantity_g": 2500, "enrichment_pct": 90}, "HEU, 2.5 kg, 90 % U-235"),
        ({"name": "red mercury", "count": 3}, "red mercury, 3 items"),
        ({"name": "Am-241", "activity_bq": 40, "quantity_g": 1.5}, "Am-241, 40 Bq, 1.5 g"),
    ],
)
def test_material_text(material: dict[str, Any], text: str) -> None:
    assert material_text(IncidentMaterial.model_validate(material)) == text


def test_activity_and_scope_helpers() -> None:
    assert activity_text(1.11e15) == "1.11 PBq"
    assert activity_text(999.0) == "999 Bq"
    assert parse_scope(" ") is None and parse_scope("north america") == "North America"
    assert in_scope("Asia", ["", "JP"]) and not in_scope("Asia", ["DE"])
