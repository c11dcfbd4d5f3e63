"""The live fetcher: httpx with timeouts and a total deadline, a size cap counted on the
decoded bytes, conditional GET, manual redirects with every hop re-checked by the SSRF guard,
and a per-host rate limit."""

from __future__ import annotations

import httpx

from flows.fetch.base import CacheEntry, FetchError, FetchResult, TransientFetchError, too_large
from flows.fetch.bounded import (
    ACCEPT_ENCODING,
    DEFAULT_DEADLINE_SECONDS,
    Deadline,
    cut_at,
    read_capped,
)
from flows.fetch.guard import IPNetwork, checked_addresses
from flows.fetch.ratelimit import HostRateLimiter

REDIRECTS = {301, 302, 303, 307, 308}
DEFAULT_PORTS = {"http": 80, "https": 443}
ACCEPT = "application/rss+xml, application/atom+xml, application/xml, text/html, */*;q=0.5"


def conditional_headers(cache: CacheEntry | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if cache and cache.etag:
        headers["If-None-Match"] = cache.etag
    if cache and cache.last_modified:
        headers["If-Modified-Since"] = cache.last_modified
    return headers


class HttpFetcher:
    def __init__(
        self,
        *,
        max_bytes: int,
        connect_timeout: float,
        read_timeout: float,
        max_redirects: int,
        user_agent: str,
        limiter: HostRateLimiter,
        allowed_networks: tuple[IPNetwork, ...] = (),
        deadline_seconds: float = DEFAULT_DEADLINE_SECONDS,
    ) -> None:
        self.max_bytes = max_bytes
        self.deadline_seconds = deadline_seconds
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.allowed_networks = allowed_networks
        self.max_redirects = max_redirects
        self.limiter = limiter
        timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
        # trust_env=False: no proxy from the environment may bypass the address checks.
        self.client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            headers={
                "User-Agent": user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": ACCEPT_ENCODING,  # only what read_capped decodes
            },
        )

    def close(self) -> None:
        self.client.close()

    def fetch(
        self, url: str, *, cache: CacheEntry | None = None, allow_private: bool = False
    ) -> FetchResult:
        current = url
        deadline = Deadline(self.deadline_seconds)
        for hop in range(self.max_redirects + 1):
            headers = conditional_headers(cache) if hop == 0 else {}
            response_or_next = self._one_hop(url, current, headers, allow_private, deadline)
            if isinstance(response_or_next, FetchResult):
                return response_or_next
            current = response_or_next
        raise FetchError(f"too many redirects (>{self.max_redirects})")

    def _pinned_request(
        self, target: httpx.URL, allow_private: bool, deadline: Deadline
    ) -> httpx.Request:
        if target.scheme not in DEFAULT_PORTS or not target.host:
            raise FetchError(f"refused: only http(s) URLs are fetched, not {str(target)[:200]!r}")
        port = target.port or DEFAULT_PORTS[target.scheme]
        address = checked_addresses(
            target.host,
            port,
            allow_private=allow_private,
            allowed_networks=self.allowed_networks,
        )[0]
        pinned = target.copy_with(host=str(address))
        return self.client.build_request(
            "GET",
            pinned,
            headers={"Host": target.netloc.decode("ascii")},
            extensions={"sni_hostname": target.host},
            timeout=deadline.timeout(connect=self.connect_timeout, read=self.read_timeout),
        )

    def _one_hop(
        self,
        original: str,
        current: str,
        headers: dict[str, str],
        allow_private: bool,
        deadline: Deadline,
    ) -> FetchResult | str:
        """Fetch one hop; return the result, or the next URL to follow."""
        target = httpx.URL(current)
        self.limiter.wait(target.host)
        request = self._pinned_request(target, allow_private, deadline)
        request.headers.update(headers)
        try:
            response = self.client.send(request, stream=True)
        except httpx.TimeoutException as error:
            raise TransientFetchError(f"timeout fetching {current[:200]}") from error
        except httpx.TransportError as error:
            raise TransientFetchError(f"connection failed: {error}") from error
        try:
            with cut_at(deadline, response):
                return self._handle(original, target, response, deadline)
        except httpx.TransportError as error:  # timeouts included
            if deadline.remaining() <= 0:
                raise deadline.expired() from error
            if isinstance(error, httpx.TimeoutException):
                raise TransientFetchError(f"timeout reading {current[:200]}") from error
            raise TransientFetchError(f"connection broken: {error}") from error
        finally:
            response.close()

    def _handle(
        self, original: str, target: httpx.URL, response: httpx.Response, deadline: Deadline
    ) -> FetchResult | str:
        status = response.status_code
        if status in REDIRECTS:
            location = response.headers.get("location")
            if not location:
                raise FetchError(f"HTTP {status} without a Location header")
            return str(target.join(location))
        if status == 304:
            return FetchResult(url=original, final_url=str(target), not_modified=True)
        if status == 429 or status >= 500:
            raise TransientFetchError(f"HTTP {status} from {target.host}")
        if status >= 400 or status < 200:
            raise FetchError(f"HTTP {status} from {target.host}")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise too_large(self.max_bytes)
        data = read_capped(
            response.iter_raw(),
            self.max_bytes,
            content_encoding=response.headers.get("content-encoding"),
            deadline=deadline,
        )
        return FetchResult(
            url=original,
            final_url=str(target),
            data=data,
            content_type=response.headers.get("content-type"),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )
