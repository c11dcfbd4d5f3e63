"""The HTTP fetcher and its offline twin: guard, redirects, cap, timeouts, ETag, rate."""

from __future__ import annotations

import ipaddress
import itertools
import tracemalloc
from pathlib import Path

import httpx
import pytest

from flows.fetch import CacheEntry, FetchError, FileFetcher, HttpFetcher, read_file_capped
from flows.fetch.base import TransientFetchError
from flows.fetch.guard import IPNetwork, checked_addresses, is_blocked
from flows.fetch.ratelimit import HostRateLimiter
from tests.support.http_server import LocalServer, Reply

MB = 1024 * 1024


class RecordingTransport(httpx.HTTPTransport):
    """The real transport, noting every request that reaches the network layer."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(str(request.url))
        return super().handle_request(request)


LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"),)


def fetcher(
    max_bytes: int = MB, interval: float = 0.0, allowed: tuple[IPNetwork, ...] = ()
) -> tuple[HttpFetcher, RecordingTransport]:
    live = HttpFetcher(
        allowed_networks=allowed,
        max_bytes=max_bytes,
        connect_timeout=1.0,
        read_timeout=1.0,
        max_redirects=3,
        user_agent="radintel-test",
        limiter=HostRateLimiter(interval),
    )
    transport = RecordingTransport()
    live.client._transport = transport
    return live, transport


@pytest.mark.parametrize(
    ("address", "blocked"),
    [
        ("10.0.0.1", True),
        ("172.16.5.4", True),
        ("192.168.1.1", True),
        ("127.0.0.1", True),
        ("169.254.169.254", True),
        ("0.0.0.0", True),
        ("224.0.0.1", True),
        ("240.0.0.1", True),
        ("100.64.0.1", True),
        ("::1", True),
        ("::", True),
        ("fe80::1", True),
        ("fc00::1", True),
        ("ff02::1", True),
        ("::ffff:10.0.0.1", True),
        ("::ffff:169.254.169.254", True),
        ("2002:a00:1::", True),  # 6to4 wrapping 10.0.0.1
        ("64:ff9b::a9fe:a9fe", True),  # NAT64 wrapping 169.254.169.254
        ("8.8.8.8", False),
        ("93.184.215.14", False),
        ("2001:4860:4860::8888", False),
    ],
)
def test_guard_classifies_addresses(address: str, blocked: bool) -> None:
    assert is_blocked(ipaddress.ip_address(address)) is blocked


def test_guard_resolves_names_and_honours_the_source_flag() -> None:
    with pytest.raises(FetchError, match="non-public"):
        checked_addresses("localhost", 80, allow_private=False)
    assert checked_addresses("127.0.0.1", 80, allow_private=True)


def test_plain_fetch_and_conditional_get(http_server: LocalServer) -> None:
    http_server.routes["/feed.xml"] = Reply(body=b"<rss/>", etag='"v1"')
    live, _ = fetcher()
    first = live.fetch(http_server.url("/feed.xml"), allow_private=True)
    assert first.data == b"<rss/>" and first.etag == '"v1"' and not first.not_modified
    second = live.fetch(
        http_server.url("/feed.xml"), cache=CacheEntry(etag='"v1"'), allow_private=True
    )
    assert second.not_modified and second.data == b""


def test_loopback_refused_without_the_flag(http_server: LocalServer) -> None:
    http_server.routes["/x"] = Reply(body=b"secret")
    live, transport = fetcher()
    with pytest.raises(FetchError, match="non-public"):
        live.fetch(http_server.url("/x"))
    assert transport.sent == [] and http_server.hits["/x"] == 0


@pytest.mark.parametrize(
    "target", ["http://10.0.0.1/admin", "http://169.254.169.254/latest/meta-data/"]
)
def test_redirect_to_private_address_refused_before_connecting(
    http_server: LocalServer, target: str
) -> None:
    http_server.routes["/go"] = Reply(status=302, headers={"Location": target})
    live, transport = fetcher(allowed=LOOPBACK)
    with pytest.raises(FetchError, match="non-public"):
        live.fetch(http_server.url("/go"))
    assert transport.sent == [http_server.url("/go")]
    assert http_server.hits["/go"] == 1


def test_redirects_are_followed_and_rechecked(http_server: LocalServer) -> None:
    http_server.routes["/a"] = Reply(status=301, headers={"Location": "/b"})
    http_server.routes["/b"] = Reply(status=302, headers={"Location": http_server.url("/c")})
    http_server.routes["/c"] = Reply(body=b"landed")
    live, transport = fetcher()
    result = live.fetch(http_server.url("/a"), allow_private=True)
    assert result.data == b"landed" and result.final_url.endswith("/c")
    assert len(transport.sent) == 3


def test_redirect_loop_and_strange_schemes_refused(http_server: LocalServer) -> None:
    http_server.routes["/loop"] = Reply(status=302, headers={"Location": "/loop"})
    http_server.routes["/file"] = Reply(status=302, headers={"Location": "file:///etc/passwd"})
    live, _ = fetcher()
    with pytest.raises(FetchError, match="too many redirects"):
        live.fetch(http_server.url("/loop"), allow_private=True)
    with pytest.raises(FetchError, match="only http"):
        live.fetch(http_server.url("/file"), allow_private=True)


def test_timeout_is_transient(http_server: LocalServer) -> None:
    http_server.routes["/slow"] = Reply(body=b"late", delay=2.5)
    live, _ = fetcher()
    with pytest.raises(TransientFetchError, match="timeout"):
        live.fetch(http_server.url("/slow"), allow_private=True)


def test_server_errors_are_transient_client_errors_are_not(http_server: LocalServer) -> None:
    http_server.routes["/boom"] = Reply(status=503)
    live, _ = fetcher()
    with pytest.raises(TransientFetchError, match="503"):
        live.fetch(http_server.url("/boom"), allow_private=True)
    with pytest.raises(FetchError, match="404") as caught:
        live.fetch(http_server.url("/missing"), allow_private=True)
    assert not isinstance(caught.value, TransientFetchError)


@pytest.mark.parametrize("chunked", [True, False])
def test_oversized_body_refused_at_the_cap(http_server: LocalServer, chunked: bool) -> None:
    block = b"x" * (64 * 1024)
    reply = Reply(body=block, chunks=64) if chunked else Reply(body=block * 64)
    http_server.routes["/big"] = reply
    live, _ = fetcher(max_bytes=MB)
    with pytest.raises(FetchError, match=f"too large: >{MB} bytes"):
        live.fetch(http_server.url("/big"), allow_private=True)
    http_server.routes["/fits"] = Reply(body=block * 16)
    assert len(live.fetch(http_server.url("/fits"), allow_private=True).data) == MB


def test_rate_limit_spaces_requests_to_one_host(http_server: LocalServer) -> None:
    http_server.routes["/r"] = Reply(body=b"ok")
    live, _ = fetcher(interval=0.3)
    for _ in range(3):
        live.fetch(http_server.url("/r"), allow_private=True)
    times = http_server.hit_times["/r"]
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.25


def test_rate_limiter_keeps_hosts_apart() -> None:
    now = [100.0]
    slept: list[float] = []
    limiter = HostRateLimiter(2.0, clock=lambda: now[0], sleep=slept.append)
    assert limiter.wait("a.example") == 0
    assert limiter.wait("b.example") == 0
    assert limiter.wait("a.example") == pytest.approx(2.0)
    now[0] += 10
    assert limiter.wait("a.example") == 0
    assert slept == [pytest.approx(2.0)]


def test_file_fetcher_serves_only_its_host_and_folders(tmp_path: Path) -> None:
    (tmp_path / "web").mkdir()
    (tmp_path / "feed").mkdir()
    (tmp_path / "web" / "a.html").write_bytes(b"<html>a</html>")
    (tmp_path / "feed" / "f.xml").write_bytes(b"<rss/>")
    (tmp_path / "secret.txt").write_bytes(b"no")
    base = "http://demo.radintel.invalid"
    demo = FileFetcher(tmp_path, host="demo.radintel.invalid", max_bytes=MB)
    assert demo.fetch(f"{base}/web/a.html").data == b"<html>a</html>"
    assert demo.fetch(f"{base}/a.html").data == b"<html>a</html>"
    first = demo.fetch(f"{base}/feed/f.xml")
    assert demo.fetch(f"{base}/feed/f.xml", cache=CacheEntry(etag=first.etag)).not_modified
    for path in ("/../secret.txt", "/web/..%2fsecret.txt", "/web/../secret.txt", "/x/y/z"):
        with pytest.raises(FetchError, match="404"):
            demo.fetch(base + path)
    with pytest.raises(FetchError, match="404"):
        demo.fetch("http://other.example/web/a.html")


def test_huge_sparse_file_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.truncate(200 * MB)
    tracemalloc.start()
    with pytest.raises(FetchError, match="too large"):
        read_file_capped(path, 50 * MB)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < MB
