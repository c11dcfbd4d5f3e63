"""Security review item 4: downloads cannot exhaust memory or time. The cap counts decoded
bytes as they stream, stacked and unknown content encodings are refused, the whole download
has a deadline, and a fetch task that hangs is a recorded failure of its source only."""

from __future__ import annotations

import gzip
import ipaddress
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from flows.fetch import FetchError, HttpFetcher, TransientFetchError
from flows.fetch.ratelimit import HostRateLimiter
from flows.ingest import ingest_flow
from tests.factories import by_source, declare, failures
from tests.flows import samples
from tests.flows.conftest import ingest_env  # noqa: F401  (fixture)
from tests.support.http_server import LocalServer, Reply

pytestmark = pytest.mark.security
KB = 1024
MB = 1024 * KB
CAP = 256 * KB
LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"),)


@dataclass
class Trickle(Reply):
    """A body sent one byte at a time, `interval` seconds apart, under a true length."""

    interval: float = 1.0


class HostileServer(LocalServer):
    def _body(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        if not isinstance(reply, Trickle):
            super()._body(handler, reply)
            return
        handler.send_header("Content-Length", str(len(reply.body)))
        handler.end_headers()
        for byte in reply.body:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(reply.interval)


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    server = HostileServer()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


def gzip_of_zeros(size: int) -> bytes:
    """`size` zero bytes gzipped, made a megabyte at a time (about 1 KB per MB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(bytes(MB)) for _ in range(size // MB)]
    return b"".join([*parts, packer.flush()])


def live_fetcher(deadline: float = 5.0, read_timeout: float = 2.0) -> HttpFetcher:
    return HttpFetcher(
        max_bytes=CAP,
        connect_timeout=1.0,
        read_timeout=read_timeout,
        max_redirects=2,
        user_agent="radintel-test",
        limiter=HostRateLimiter(0.0),
        allowed_networks=LOOPBACK,
        deadline_seconds=deadline,
    )


def fetch_measuring_peak(url: str) -> tuple[FetchError, int]:
    """The refusal of `url` and the peak of memory allocated while fetching it."""
    live = live_fetcher()
    tracemalloc.start()
    try:
        with pytest.raises(FetchError) as caught:
            live.fetch(url)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        live.close()
    return caught.value, peak


def test_stacked_gzip_is_refused_without_inflating(hostile: HostileServer) -> None:
    layered = gzip.compress(gzip_of_zeros(50 * MB))
    assert len(layered) < 2 * KB  # a few hundred bytes standing for 50 MB
    hostile.routes["/feed.xml"] = Reply(body=layered, headers={"Content-Encoding": "gzip, gzip"})
    error, peak = fetch_measuring_peak(hostile.url("/feed.xml"))
    assert "stacked content encodings" in str(error)
    assert peak < 4 * CAP


def test_one_gzip_layer_is_stopped_once_the_decoded_bytes_pass_the_cap(
    hostile: HostileServer,
) -> None:
    bomb = gzip_of_zeros(50 * MB)
    assert len(bomb) < CAP  # the bytes on the wire are under the cap
    hostile.routes["/bomb"] = Reply(body=bomb, headers={"Content-Encoding": "gzip"})
    error, peak = fetch_measuring_peak(hostile.url("/bomb"))
    assert str(error) == f"too large: >{CAP} bytes"
    assert peak < 4 * CAP  # httpx alone inflates a whole network read: tens of MB


@pytest.mark.parametrize("encoding", ["x-unknown", "br", "compress"])
def test_unknown_encodings_are_refused(hostile: HostileServer, encoding: str) -> None:
    hostile.routes["/odd"] = Reply(body=b"<rss/>", headers={"Content-Encoding": encoding})
    live = live_fetcher()
    with pytest.raises(FetchError, match="unsupported content encoding"):
        live.fetch(hostile.url("/odd"))


def test_a_trickling_server_is_cut_off_at_the_deadline(hostile: HostileServer) -> None:
    hostile.routes["/slow"] = Trickle(body=b"<rss>" + b" " * 40 + b"</rss>", interval=0.5)
    live = live_fetcher(deadline=1.5, read_timeout=2.0)  # every read arrives in time
    started = time.monotonic()
    with pytest.raises(TransientFetchError, match=r"1\.5 s deadline"):
        live.fetch(hostile.url("/slow"))
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize(
    ("encoding", "pack"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("identity", bytes)],
)
def test_ordinary_encoded_responses_still_work(
    hostile: HostileServer, encoding: str, pack: Callable[[bytes], bytes]
) -> None:
    page = samples.PAGES["/page-en.html"].encode() * 50
    hostile.routes["/page"] = Reply(body=pack(page), headers={"Content-Encoding": encoding})
    assert live_fetcher().fetch(hostile.url("/page")).data == page


@pytest.mark.usefixtures("prefect_harness", "ingest_env")
def test_stacked_gzip_feed_is_a_recorded_failure_of_an_ingest_run(
    hostile: HostileServer,
) -> None:
    hostile.routes["/bomb.xml"] = Reply(
        body=gzip.compress(gzip_of_zeros(20 * MB)), headers={"Content-Encoding": "gzip, gzip"}
    )
    declare("hostile", "feed", url=hostile.url("/bomb.xml"))
    result = by_source(ingest_flow())["hostile"]
    assert result["counts"]["failed"] == 1
    (failure,) = failures()
    assert failure.item.endswith("/bomb.xml") and "stacked content encodings" in failure.reason


@pytest.mark.usefixtures("prefect_harness", "ingest_env")
def test_a_hung_fetch_task_times_out_and_the_other_sources_carry_on(
    hostile: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.settings import get_flow_settings

    monkeypatch.setenv("RADINTEL_FETCH_DEADLINE_SECONDS", "300")
    monkeypatch.setenv("RADINTEL_FETCH_TASK_TIMEOUT_SECONDS", "1")
    get_flow_settings.cache_clear()
    hostile.routes["/hung.xml"] = Trickle(body=b" " * 1500, interval=0.1)
    for path, html in samples.PAGES.items():
        hostile.routes[path] = Reply(body=html.encode(), headers={"Content-Type": "text/html"})
    hostile.routes["/feed.xml"] = Reply(body=samples.feed_for_pages(hostile.base))
    declare("hung", "feed", url=hostile.url("/hung.xml"))
    declare("news", "feed", url=hostile.url("/feed.xml"))
    started = time.monotonic()
    results = by_source(ingest_flow())
    assert time.monotonic() - started < 100  # the trickle alone lasts 150 s
    assert results["news"]["counts"]["new"] == 2
    assert results["hung"]["counts"]["failed"] == 1
    (failure,) = failures()
    assert failure.item.endswith("/hung.xml") and "timed out after 1 s" in failure.reason


def test_settings_carry_the_deadline_to_the_live_fetcher(
    ingest_env: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from flows.fetch import build_fetcher
    from flows.settings import get_flow_settings

    monkeypatch.setenv("RADINTEL_FETCH_DEADLINE_SECONDS", "7.5")
    get_flow_settings.cache_clear()
    routing = build_fetcher(get_flow_settings())
    assert isinstance(routing.live, HttpFetcher) and routing.live.deadline_seconds == 7.5
