"""A published edition, end to end with the real renderer, on SQLite and PostgreSQL: its
outputs are stored under their hash, and rendering it again from its frozen snapshot gives
the same bytes even after the incidents it was built from have changed."""

from __future__ import annotations

import hashlib
from datetime import date

from sqlmodel import Session

from flows.publishing.render import render_all
from nlp.vocabulary import IncidentStatus, Role, Tlp
from storage.assessments import create_draft, publish, submit_for_review, update_sections
from storage.objectstore import get_object_store
from tests.factories import create_actor, create_document, create_incident


def test_published_outputs_are_stored_and_render_again_identically(session: Session) -> None:
    for name in ("alice", "bob"):
        create_actor(session, name, Role.EDITOR)
    document = create_document(session, marking=Tlp.GREEN)
    incident = create_incident(
        session,
        [document],
        "alice",
        IncidentStatus.CONFIRMED,
        title="Ir-192 camera stolen near Besançon",
        occurred_on=date(2026, 8, 3),
        country="FR",
        place="Besançon",
    )
    draft = create_draft(session=session, username="alice", period="2026-Q3", ceiling=Tlp.AMBER)
    assert draft.id is not None
    update_sections(
        session=session,
        username="alice",
        assessment_id=draft.id,
        version=draft.version,
        sections={"summary": "One theft **near Besançon**."},
    )
    submit_for_review(session=session, username="alice", assessment_id=draft.id)
    edition = publish(session=session, username="bob", assessment_id=draft.id, render=render_all)
    session.commit()

    store = get_object_store()
    stored = {fmt: store.get(key) for fmt, key in edition.outputs.items()}
    assert set(stored) == {"pdf", "html", "md"}
    assert all(
        key == hashlib.sha256(stored[fmt]).hexdigest() for fmt, key in edition.outputs.items()
    )
    incident.title, incident.place = "Renamed afterwards", "Elsewhere"  # data moves on
    session.add(incident)
    session.commit()
    session.refresh(edition)
    assert render_all(edition) == stored  # byte for byte, PDF included
    assert "Besançon" in stored["md"].decode() and "Renamed" not in stored["md"].decode()
