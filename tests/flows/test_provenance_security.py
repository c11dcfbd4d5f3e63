"""Provenance cannot be forged by content: a feed entry naming another source's URL does not
pre-empt or hijack that source's article, and a bureau submission cannot lower its inbox's
marking or speak for another bureau."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from flows.ingest import ingest_flow
from flows.ingest_plan import RawItem, plan_item
from nlp.vocabulary import DocumentStatus, Tlp
from tests.factories import by_source, declare, documents, failures, write
from tests.flows import samples
from tests.flows.test_ingest_plan import SOURCE
from tests.support.http_server import LocalServer, Reply

pytestmark = pytest.mark.security
HTML = {"Content-Type": "text/html"}
ARTICLE = samples.PAGES["/page-en.html"].encode()
FORGED = "Forged: the gauge was recovered and the case is closed."


def forged_feed(server: LocalServer, link: str) -> None:
    entry = (link, "Gauge stolen", FORGED)
    server.routes["/a.xml"] = Reply(body=samples.rss([entry], ""), headers={})


@pytest.mark.usefixtures("prefect_harness", "ingest_env")
def test_a_feed_entry_on_another_sources_site_is_not_fetched_in_its_name(
    http_server: LocalServer,
) -> None:
    """Source A's entry links to B's article (B's site: localhost, A's: 127.0.0.1). Had A
    fetched it, B's own fetch of the same bytes would be a duplicate of A's document."""
    article = http_server.base.replace("127.0.0.1", "localhost") + "/article.html"
    http_server.routes["/article.html"] = Reply(body=ARTICLE, headers=HTML)
    forged_feed(http_server, article)
    declare("a", "feed", url=http_server.url("/a.xml"))
    declare("b", "web", urls=[article])
    by_source(ingest_flow(source_names=["a"]))
    assert by_source(ingest_flow(source_names=["b"]))["b"]["counts"]["new"] == 1
    assert http_server.hits["/article.html"] == 1  # B's fetch only
    names = {doc.source_id: doc for doc in documents()}
    own, entry = names[2], names[1]  # b is declared second
    assert own.sha256 != entry.sha256 and own.url == article
    assert entry.error == "linked page not fetched: it belongs to source 'b'"


@pytest.mark.usefixtures("prefect_harness", "ingest_env")
def test_a_url_stored_by_another_source_does_not_pre_empt_this_ones_article(
    http_server: LocalServer,
) -> None:
    """A's entry names B's URL while the page is missing: A stores its own forged entry text
    under that URL. B's feed then lists the URL: B still fetches and stores its article."""
    http_server.routes["/story.html"] = Reply(status=404, body=b"gone")
    forged_feed(http_server, http_server.url("/story.html"))
    http_server.routes["/b.xml"] = Reply(
        body=samples.rss([("/story.html", "Gauge stolen", "A gauge.")], http_server.base)
    )
    declare("a", "feed", url=http_server.url("/a.xml"))
    declare("b", "feed", url=http_server.url("/b.xml"))
    ingest_flow(source_names=["a"])
    http_server.routes["/story.html"] = Reply(body=ARTICLE, headers=HTML)
    counts = by_source(ingest_flow(source_names=["b"]))["b"]["counts"]
    assert counts["new"] == 1 and counts["duplicates"] == 0
    by_owner = {doc.source_id: doc for doc in documents()}
    assert by_owner[2].url == by_owner[1].url == http_server.url("/story.html")
    assert by_owner[2].size_bytes == len(ARTICLE) and by_owner[2].sha256 != by_owner[1].sha256


def submission(**fields: str) -> bytes:
    narrative = "Une jauge de densité contenant du césium 137 a été volée à Nantes."
    base = {"reference": "FR-T-1", "reporting_date": "2025-05-02", "narrative": narrative}
    return json.dumps({**base, **fields}).encode()


def plan_submission(data: bytes, **source: object) -> tuple[DocumentStatus, Tlp, str | None]:
    spec = replace(SOURCE, **source)  # type: ignore[arg-type]
    item = RawItem(item="/inbox/s.json", data=data, filename="s.json", inbox_name="s.json")
    (plan,) = plan_item(item, spec)
    return plan.document.status, plan.document.marking, plan.document.error


@pytest.mark.parametrize(
    ("claimed", "stored"),
    [("TLP:CLEAR", Tlp.AMBER), ("TLP:GREEN", Tlp.AMBER), ("TLP:RED", Tlp.RED), (None, Tlp.AMBER)],
)
def test_a_submission_may_raise_its_marking_never_lower_it(
    claimed: str | None, stored: Tlp
) -> None:
    marking = {"marking": claimed} if claimed else {}
    data = submission(bureau_country="FR", **marking)
    status, tlp, _ = plan_submission(data, bureau_country="FR", default_marking=Tlp.AMBER)
    assert (status, tlp) == (DocumentStatus.PENDING, stored)


def test_a_submission_claiming_another_bureau_is_refused() -> None:
    data = submission(bureau_country="TN", marking="TLP:RED")
    status, _, error = plan_submission(data, bureau_country="FR")
    assert status == DocumentStatus.FAILED
    assert error == (
        "refused: the submission claims bureau country 'TN', but inbox 'bureau-ma' "
        "belongs to bureau FR"
    )


def test_a_shared_inbox_without_a_bureau_country_keeps_the_claim() -> None:
    status, _, error = plan_submission(submission(bureau_country="TN"), bureau_country=None)
    assert (status, error) == (DocumentStatus.PENDING, None)


@pytest.mark.usefixtures("prefect_harness")
def test_a_refused_submission_is_a_recorded_failure_and_quarantined(ingest_env: Path) -> None:
    inbox = ingest_env / "inbox" / "fr"
    write(inbox, "s.json", submission(bureau_country="TN"))
    declare("bureau-fr", "inbox_folder", inbox=str(inbox), bureau_country="FR")
    counts = by_source(ingest_flow())["bureau-fr"]["counts"]
    assert counts["failed"] == 1 and counts["new"] == 0
    (failure,) = failures()
    assert "claims bureau country 'TN'" in failure.reason
    assert (inbox / "quarantine" / "s.json").is_file()
    (document,) = documents()
    assert document.status == DocumentStatus.FAILED and document.text_key is None
