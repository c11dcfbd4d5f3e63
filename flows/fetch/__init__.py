"""Fetching: a live HTTP fetcher and an offline file twin behind one interface."""

from flows.fetch.base import CacheEntry, Fetcher, FetchError, FetchResult, TransientFetchError
from flows.fetch.files import FileFetcher, read_file_capped
from flows.fetch.http import HttpFetcher
from flows.fetch.live import build_fetcher

__all__ = [
    "CacheEntry",
    "FetchError",
    "FetchResult",
    "Fetcher",
    "FileFetcher",
    "HttpFetcher",
    "TransientFetchError",
    "build_fetcher",
    "read_file_capped",
]
