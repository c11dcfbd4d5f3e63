"""Search on SQLite (FTS5) and PostgreSQL (tsvector + GIN): stemming, names across scripts,
isotopes in any notation, filters, clearance, cursor paging, and the index kept in step
with storage's writes (extraction's documents, an analyst's confirm and reject, an incident
edit). One document set per database, several searches over it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from nlp.vocabulary import Tlp
from storage.incidents import create_incident
from storage.models import Document, Finding, IncidentCreate
from storage.review import confirm_finding, reject_finding
from storage.search.index import index_documents
from storage.search.query import SearchError, SearchFilters
from storage.search.search import search
from tests.factories import create_document, create_finding, create_source, create_user


@dataclass
class Corpus:
    english: Document
    arabic: Document
    french: Document
    person: Finding
    isotope: Finding


@pytest.fixture
def corpus(engine: Engine) -> Corpus:
    with Session(engine, expire_on_commit=False) as session:
        create_user(session, "analyst")
        feed = create_source(session, "Gazette")
        english = create_document(
            session,
            "Police arrested Mohammed al-Rashidi after thefts of a Cs-137 gauge, "
            "serial number TX-40112, from a depot.",
            source=feed,
            title="Gauge stolen",
            language="en",
            countries=["FR"],
            published_at=datetime(2025, 3, 1, tzinfo=UTC),
        )
        arabic = create_document(
            session,
            "اعتقلت الشرطة محمد الراشدي بعد سرقة مصدر مشع.",
            title="اعتقال",
            language="ar",
            marking=Tlp.AMBER,
            published_at=datetime(2024, 5, 1, tzinfo=UTC),
        )
        french = create_document(
            session,
            "Des voleurs ont dérobé trois jauges radioactives à Lyon.",
            title="Vol à Lyon",
            language="fr",
            countries=["FR"],
            published_at=datetime(2025, 6, 1, tzinfo=UTC),
        )
        person = create_finding(session, english, "Mohammed al-Rashidi", "PERSON")
        create_finding(session, arabic, "محمد الراشدي", "PERSON")
        isotope = create_finding(session, english, "Cs-137", "MATERIAL", normalized="Cs-137")
        index_documents(session=session, document_ids=[english.id, arabic.id, french.id])
        session.commit()
    return Corpus(english, arabic, french, person, isotope)


def found(
    session: Session, query: str, clearance: Tlp = Tlp.RED, **filters: object
) -> list[tuple[str, int]]:
    page = search(
        session=session,
        query=query,
        clearance=clearance,
        filters=SearchFilters(**filters),  # type: ignore[arg-type]
        limit=50,
    )
    return [(r.kind, r.id) for r in page.results]


def test_search_on_each_database(engine: Engine, corpus: Corpus) -> None:
    """One corpus per database (building it is the slow part), three checks over it."""
    matches_filters_and_hides_within_the_clearance(engine, corpus)
    cursor_pages_cover_every_result_once_in_score_order(engine, corpus)
    the_index_follows_decisions_and_incident_edits(engine, corpus)


def matches_filters_and_hides_within_the_clearance(engine: Engine, corpus: Corpus) -> None:
    english, arabic, french = (d.id or 0 for d in (corpus.english, corpus.arabic, corpus.french))
    with Session(engine) as session:
        # Stemming in the document's language: "theft" finds "thefts", "jauge" "jauges".
        assert ("document", english) in found(session, "theft")
        assert found(session, "jauge") == [("document", french)]
        # A name in another script and spelling, word order aside, finds both documents.
        by_name = found(session, "Rashidy Muhammad", kinds=("document",))
        assert set(by_name) == {("document", english), ("document", arabic)}
        # An isotope in another notation matches the canonical finding, not a word.
        assert set(found(session, "caesium 137")) == {
            ("document", english),
            ("finding", corpus.isotope.id),
        }
        assert found(session, "tx40112", kinds=("document",)) == [("document", english)]
        # Filters: country, date, material group, source, marking, status, kind.
        assert found(session, "Rashidi", countries=("FR",), kinds=("document",)) == [
            ("document", english)
        ]
        assert set(found(session, "Rashidi", until=datetime(2024, 12, 31).date())) == {
            ("finding", _finding_id(session, arabic)),
            ("document", arabic),
        }
        assert found(session, "gauge", materials=("radioactive_source",), kinds=("document",))
        assert found(session, "Lyon", sources=(corpus.english.source_id,)) == []
        assert set(found(session, "Rashidi", markings=(Tlp.AMBER,))) == {
            ("finding", _finding_id(session, arabic)),
            ("document", arabic),
        }
        # Clearance: the AMBER document and its finding are not there for a GREEN reader.
        green = found(session, "Rashidi", Tlp.GREEN)
        assert ("document", arabic) not in green and ("document", english) in green
        with pytest.raises(SearchError):
            found(session, "   ")


def _finding_id(session: Session, document_id: int) -> int:
    from sqlmodel import select

    return session.exec(select(Finding.id).where(Finding.document_id == document_id)).one() or 0


def cursor_pages_cover_every_result_once_in_score_order(engine: Engine, corpus: Corpus) -> None:
    with Session(engine) as session:
        everything = found(session, "Rashidi")
        pages, cursor = [], None
        while True:
            page = search(
                session=session, query="Rashidi", clearance=Tlp.RED, cursor=cursor, limit=1
            )
            pages.extend((r.kind, r.id) for r in page.results)
            scores = [r.score for r in page.results]
            assert scores == sorted(scores, reverse=True)
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        assert pages == everything and len(everything) == 4
        with pytest.raises(SearchError):
            search(session=session, query="Rashidi", clearance=Tlp.RED, cursor="not-a-cursor")


def the_index_follows_decisions_and_incident_edits(engine: Engine, corpus: Corpus) -> None:
    with Session(engine, expire_on_commit=False) as session:
        person, isotope = corpus.person, corpus.isotope
        assert ("finding", person.id) not in found(session, "Rashidi", statuses=("confirmed",))
        confirm_finding(
            session=session, finding_id=person.id or 0, expected_version=1, username="analyst"
        )
        reject_finding(
            session=session,
            finding_id=isotope.id or 0,
            expected_version=1,
            username="analyst",
            reason="a model number",
        )
        data = IncidentCreate(title="Theft of a gauge in Lyon", place="Lyon", country="FR")
        create_incident(
            session=session, username="analyst", data=data, document_ids=[corpus.english.id or 0]
        )
        session.commit()
        assert ("finding", person.id) in found(session, "Rashidi", statuses=("confirmed",))
        assert ("finding", isotope.id) not in found(session, "Cs-137")
        assert ("document", corpus.english.id) not in found(session, "Cs-137")
        incident = found(session, "Mohammed Rashidi", kinds=("incident",))
        assert [kind for kind, _ in incident] == ["incident"]
        assert found(session, "gauge Lyon", kinds=("incident",), countries=("FR",)) == incident


def test_broad_queries_are_ranked_in_windows_of_recent_matches(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Matches are taken most recent first in windows of RANK_WINDOW (an undated incident
    before every dated document), ranked within each; cursor pages of every size walk all of
    them once, across window boundaries, in that order."""
    from storage.search import search as search_module

    # Scores rise with the number of mentions, days run the other way round for the first
    # documents: in windows, the order differs from ranking everything at once.
    days = [date(2025, 1, 9), date(2025, 1, 3), date(2025, 1, 7), date(2025, 1, 1)]
    days += [date(2025, 1, 5), date(2025, 1, 8), date(2025, 1, 2)]
    with Session(engine, expire_on_commit=False) as session:
        create_user(session, "analyst")
        documents = [
            create_document(
                session,
                " ".join(["A cobalt source was found."] * mentions + ["Nothing else."] * 8),
                title=f"Report {mentions}",
                language="en",
                published_at=datetime.combine(day, time(9), tzinfo=UTC),
            )
            for mentions, day in enumerate(days, start=1)
        ]
        index_documents(session=session, document_ids=[d.id or 0 for d in documents])
        data = IncidentCreate(title="Cobalt source found", place="Lyon", country="FR")
        create_incident(
            session=session, username="analyst", data=data, document_ids=[documents[0].id or 0]
        )
        session.commit()

    def pages(limit: int) -> list[tuple[str, int, float]]:
        walked: list[tuple[str, int, float]] = []
        cursor = None
        with Session(engine) as session:
            for _ in range(20):  # a cursor that does not move on fails, not hangs
                page = search(
                    session=session, query="cobalt", clearance=Tlp.RED, cursor=cursor, limit=limit
                )
                walked.extend((r.kind, r.id, r.score) for r in page.results)
                if page.next_cursor is None:
                    return walked
                cursor = page.next_cursor
        raise AssertionError(f"still paging after 20 pages: {walked}")

    everything = pages(100)  # the default window holds every match: one ranking
    assert len(everything) == 8
    assert [score for *_, score in everything] == sorted((s for *_, s in everything), reverse=True)
    score = {(kind, entity): s for kind, entity, s in everything}
    newest = sorted(zip(days, documents, strict=True), key=lambda pair: pair[0], reverse=True)
    recent_first = [("incident", i) for kind, i, _ in everything if kind == "incident"]
    recent_first += [("document", document.id or 0) for _, document in newest]
    for window in (1, 3, 5):
        monkeypatch.setattr(search_module, "RANK_WINDOW", window)
        expected = [
            result
            for start in range(0, len(recent_first), window)
            for result in sorted(
                recent_first[start : start + window], key=lambda r: score[r], reverse=True
            )
        ]
        for limit in (1, 2, 3, 4, 8, 20):
            walked = pages(limit)
            assert [(kind, entity) for kind, entity, _ in walked] == expected, (window, limit)
    with pytest.raises(SearchError):
        search(session=Session(engine), query="cobalt", clearance=Tlp.RED, cursor="WzEsIDJd")
