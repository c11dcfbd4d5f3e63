"""The fetcher of the ingestion flows: HTTP, behind the SSRF guard, for every URL."""

from __future__ import annotations

from ipaddress import ip_network
from typing import TYPE_CHECKING

from flows.fetch.http import HttpFetcher
from flows.fetch.ratelimit import HostRateLimiter

if TYPE_CHECKING:  # flows.settings takes its fetch defaults from this package
    from flows.settings import FlowSettings


def build_fetcher(settings: FlowSettings) -> HttpFetcher:
    return HttpFetcher(
        max_bytes=settings.max_download_bytes,
        connect_timeout=settings.http_connect_timeout,
        read_timeout=settings.http_read_timeout,
        max_redirects=settings.max_redirects,
        user_agent=settings.user_agent,
        limiter=HostRateLimiter(settings.host_min_interval_seconds),
        allowed_networks=tuple(ip_network(net) for net in settings.allowed_networks),
        deadline_seconds=settings.fetch_deadline_seconds,
    )
