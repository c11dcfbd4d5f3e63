"""One fetcher for a flow run: the demo host from files, everything else over HTTP.
In production (RADINTEL_ENV=production) the demo host is not served: it goes to the live
fetcher, where the .invalid name never resolves."""

from __future__ import annotations

from ipaddress import ip_network
from typing import TYPE_CHECKING

import httpx

from flows.fetch.base import CacheEntry, Fetcher, FetchResult
from flows.fetch.files import DemoFileFetcher
from flows.fetch.http import HttpFetcher
from flows.fetch.ratelimit import HostRateLimiter
from storage.settings import get_storage_settings

if TYPE_CHECKING:  # flows.settings takes its fetch defaults from this package
    from flows.settings import FlowSettings


class RoutingFetcher:
    def __init__(self, *, live: Fetcher, demo: Fetcher, demo_host: str) -> None:
        self.live = live
        self.demo = demo
        self.demo_host = demo_host.lower()

    def fetch(
        self, url: str, *, cache: CacheEntry | None = None, allow_private: bool = False
    ) -> FetchResult:
        host = httpx.URL(url).host.lower()
        chosen = self.demo if host == self.demo_host else self.live
        return chosen.fetch(url, cache=cache, allow_private=allow_private)

    def close(self) -> None:
        self.live.close()
        self.demo.close()


def build_fetcher(settings: FlowSettings) -> RoutingFetcher:
    live = HttpFetcher(
        max_bytes=settings.max_download_bytes,
        connect_timeout=settings.http_connect_timeout,
        read_timeout=settings.http_read_timeout,
        max_redirects=settings.max_redirects,
        user_agent=settings.user_agent,
        limiter=HostRateLimiter(settings.host_min_interval_seconds),
        allowed_networks=tuple(ip_network(net) for net in settings.allowed_networks),
        deadline_seconds=settings.fetch_deadline_seconds,
    )
    if get_storage_settings().env == "production":
        return RoutingFetcher(live=live, demo=live, demo_host=settings.demo_host)
    demo = DemoFileFetcher(settings.demo_root, max_bytes=settings.max_download_bytes)
    return RoutingFetcher(live=live, demo=demo, demo_host=settings.demo_host)
