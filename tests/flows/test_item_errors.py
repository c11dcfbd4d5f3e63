"""A bug met on one input is logged with its traceback and recorded as that input's failure;
the run carries on. A bug outside any input fails its source's run; the other sources still go."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from flows import ingest
from flows.fetch import CacheEntry, Fetcher, FetchResult
from flows.ingest import ingest_flow
from flows.settings import FlowSettings
from nlp import formats
from nlp.types import ParsedDocument
from nlp.vocabulary import RunStatus
from tests.factories import by_source, declare, documents, failures, runs, write
from tests.flows import samples
from tests.support.http_server import LocalServer, Reply

pytestmark = pytest.mark.usefixtures("prefect_harness", "ingest_env")


def broken_parser(
    data: bytes, *, filename: str | None, content_type: str | None
) -> list[ParsedDocument]:
    raise KeyError("a parser bug")


def test_a_parser_bug_costs_its_input_only_and_is_logged_with_its_traceback(
    ingest_env: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    json_spec = replace(formats.FORMATS["json"], parse=broken_parser)
    monkeypatch.setitem(formats.FORMATS, "json", json_spec)
    inbox = ingest_env / "inbox" / "bureau-es"
    write(inbox, "nota.txt", samples.SPANISH_NOTE)
    write(inbox, "mensaje.eml", samples.email_with_attachment())
    write(inbox, "submission.json", b'{"reference": "ES-2025-1"}')
    declare("bureau-es", "inbox_folder", inbox="inbox/bureau-es")

    with caplog.at_level(logging.ERROR):
        result = by_source(ingest_flow())["bureau-es"]

    assert result["status"] == RunStatus.PARTIAL.value
    assert result["counts"]["new"] == 3  # the note, the e-mail and its attachment
    assert result["counts"]["failed"] == 1
    (failure,) = failures()
    assert failure.item.endswith("/submission.json")
    assert failure.reason.startswith("parsing failed: internal error KeyError: 'a parser bug'")
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is KeyError]
    assert len(logged) == 1 and "submission.json" in logged[0].getMessage()
    assert (inbox / "quarantine" / "submission.json").is_file()
    assert {doc.format for doc in documents()} == {"txt", "eml", "json"}  # json: kept, failed


class BuggyFetcher:
    """The real fetcher, except for one URL where it trips over a bug."""

    def __init__(self, inner: Fetcher, buggy_url: str) -> None:
        self.inner, self.buggy_url = inner, buggy_url

    def fetch(
        self, url: str, *, cache: CacheEntry | None = None, allow_private: bool = False
    ) -> FetchResult:
        if url == self.buggy_url:
            raise IndexError("a fetcher bug")
        return self.inner.fetch(url, cache=cache, allow_private=allow_private)

    def close(self) -> None:
        self.inner.close()


def test_a_fetcher_bug_costs_its_url_only_and_is_logged_with_its_traceback(
    http_server: LocalServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    for path, html in samples.PAGES.items():
        http_server.routes[path] = Reply(body=html.encode(), headers={"Content-Type": "text/html"})
    urls = [http_server.url(path) for path in samples.PAGES]
    build_fetcher = ingest.build_fetcher

    def buggy_fetcher(settings: FlowSettings) -> BuggyFetcher:
        return BuggyFetcher(build_fetcher(settings), buggy_url=urls[0])

    monkeypatch.setattr(ingest, "build_fetcher", buggy_fetcher)
    declare("pages", "web", urls=urls)

    with caplog.at_level(logging.ERROR):
        result = by_source(ingest_flow())["pages"]

    assert result["counts"]["new"] == len(urls) - 1 and result["counts"]["failed"] == 1
    (failure,) = failures()
    assert failure.item == urls[0]
    assert failure.reason.startswith("fetching failed: internal error IndexError")
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is IndexError]
    assert len(logged) == 1 and urls[0] in logged[0].getMessage()


def test_a_bug_outside_any_input_fails_its_source_run_and_the_other_sources_still_go(
    ingest_env: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    working_inbox = ingest.ingest_inbox

    def inbox_with_a_bug(spec: Any, *args: Any) -> None:
        if spec.name == "bureau-es":
            raise RuntimeError("an orchestration bug")
        working_inbox(spec, *args)

    monkeypatch.setattr(ingest, "ingest_inbox", inbox_with_a_bug)
    for name in ("bureau-es", "bureau-fr"):
        (ingest_env / "inbox" / name).mkdir(parents=True)
        declare(name, "inbox_folder", inbox=f"inbox/{name}")

    ingest_flow()

    by_error = {run.error is None: run for run in runs()}
    broken, working = by_error[False], by_error[True]
    assert broken.status == RunStatus.FAILED and broken.finished_at is not None
    assert broken.error is not None
    expected = "source failed: internal error RuntimeError: an orchestration bug"
    assert broken.error.startswith(expected)
    assert working.status == RunStatus.SUCCEEDED
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is RuntimeError]
    assert len(logged) == 1 and "bureau-es" in logged[0].getMessage()
