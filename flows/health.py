"""`radintel status --json` as a container health check: is every service this process
needs reachable? The database (migrated to the code's schema), the object store (a probe
written and read back) and, when PREFECT_API_URL is set, the Prefect API."""

from __future__ import annotations

import os
from typing import Any, TypedDict

import httpx

from flows.errors import UserError
from storage.objectstore import ObjectStoreError, object_store_from
from storage.settings import StorageSettings

PROBE = b"radintel health probe\n"  # content-addressed: every probe is the same one object
PREFECT_TIMEOUT_SECONDS = 5.0


class Check(TypedDict):
    ok: bool
    detail: str


def passed(detail: str) -> Check:
    return Check(ok=True, detail=detail)


def failed(detail: str) -> Check:
    return Check(ok=False, detail=detail)


def object_store_check(settings: StorageSettings) -> Check:
    try:
        store = object_store_from(settings)
        key = store.put(PROBE)
        if store.get(key) != PROBE:
            return failed("the probe read back differs from the probe written")
    except (ObjectStoreError, OSError) as error:
        return failed(str(error).splitlines()[0] if str(error) else type(error).__name__)
    return passed("probe written and read back")


def prefect_check() -> Check | None:
    """The Prefect API's health endpoint, or None when this process uses no Prefect server."""
    api = os.environ.get("PREFECT_API_URL", "").rstrip("/")
    if not api:
        return None
    try:
        response = httpx.get(f"{api}/health", timeout=PREFECT_TIMEOUT_SECONDS)
    except httpx.HTTPError as error:
        return failed(f"{api} unreachable: {type(error).__name__}")
    if response.status_code != httpx.codes.OK:
        return failed(f"{api}/health answered HTTP {response.status_code}")
    return passed(f"{api} healthy")


def health_report(checks: dict[str, Check | None], figures: dict[str, Any]) -> dict[str, Any]:
    """One JSON object: healthy, the checks that ran, and the platform figures if read."""
    ran = {name: check for name, check in checks.items() if check is not None}
    healthy = all(check["ok"] for check in ran.values())
    return {"healthy": healthy, "checks": ran, **figures}


def configuration_failure(error: UserError) -> dict[str, Any]:
    return health_report({"configuration": failed(str(error))}, {})
