"""Claims on documents awaiting extraction: disjoint between workers, released by expiry."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import Session

from storage.claims import claim_documents, release_claims
from storage.db import engine_for
from storage.models import Document
from storage.models._base import utcnow
from storage.schema import create_schema
from tests.factories import create_document, ident


def claim(session: Session, worker: str, limit: int = 64, lease: float = 600) -> list[int]:
    return claim_documents(
        session=session, extractor_version="v1", worker=worker, lease_seconds=lease, limit=limit
    )


def test_a_claimed_document_is_not_claimed_again_until_its_lease_ends(session: Session) -> None:
    first, second = ident(create_document(session, "one")), ident(create_document(session, "two"))
    assert claim(session, "worker-a", limit=1) == [first]
    session.commit()
    assert claim(session, "worker-b") == [second]
    session.commit()
    assert claim(session, "worker-c") == []
    expired = session.get(Document, first)
    assert expired is not None
    expired.claimed_until = utcnow() - timedelta(seconds=1)  # worker-a died
    session.add(expired)
    session.commit()
    assert claim(session, "worker-c") == [first]
    session.commit()
    session.refresh(expired)
    assert expired.claimed_by == "worker-c"


def test_released_claims_are_claimed_again(session: Session) -> None:
    document = ident(create_document(session, "one"))
    claim(session, "worker-a")
    release_claims(session=session, document_ids=[document])
    session.commit()
    assert claim(session, "worker-b") == [document]


@pytest.mark.postgres
def test_two_workers_claiming_at_once_get_disjoint_sets(pg_url: str, data_dir: Path) -> None:
    engine = engine_for(pg_url)
    create_schema(engine)
    with Session(engine) as setup:
        created = {ident(create_document(setup, f"text {n}")) for n in range(6)}
    with Session(engine) as one, Session(engine) as two:
        first = claim(one, "worker-a", limit=4)  # rows locked, transaction still open
        second = claim(two, "worker-b", limit=4)  # skips the locked rows instead of waiting
        one.commit()
        two.commit()
    assert len(first) == 4 and len(second) == 2
    assert set(first) | set(second) == created
