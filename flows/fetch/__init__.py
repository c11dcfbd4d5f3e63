"""Fetching: a live HTTP fetcher and an offline file twin behind one interface."""

from flows.fetch.base import CacheEntry, Fetcher, FetchError, FetchResult, TransientFetchError
from flows.fetch.files import DemoFileFetcher, read_file_capped
from flows.fetch.http import HttpFetcher
from flows.fetch.router import RoutingFetcher, build_fetcher

__all__ = [
    "CacheEntry",
    "DemoFileFetcher",
    "FetchError",
    "FetchResult",
    "Fetcher",
    "HttpFetcher",
    "RoutingFetcher",
    "TransientFetchError",
    "build_fetcher",
    "read_file_capped",
]
