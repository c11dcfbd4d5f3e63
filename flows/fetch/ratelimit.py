"""Per-host minimum interval between requests, shared by the fetches of one flow run."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class HostRateLimiter:
    def __init__(
        self,
        min_interval: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_interval = min_interval
        self._clock = clock
        self._sleep = sleep
        self._next_allowed: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> float:
        """Block until a request to `host` is allowed; return the seconds waited."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next_allowed.get(host, now))
            self._next_allowed[host] = start + self.min_interval
        delay = start - now
        if delay > 0:
            self._sleep(delay)
        return delay
