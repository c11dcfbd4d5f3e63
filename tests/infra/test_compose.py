"""infra/compose.yaml checked without a Docker engine: pinned images, health checks, limits,
scalable workers, volumes, example secrets, the UI reachable only through the proxy."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

INFRA = Path(__file__).resolve().parents[2] / "infra"
ONE_SHOTS = {"minio-init", "init", "deploy"}
# An exact release: 3.9.1-python3.11, 2.10.2-alpine, RELEASE.2025-09-07T16-13-09Z; PostgreSQL
# numbers its releases major.minor (15.14-bookworm). "3.11-slim" or "2" move: refused.
VERSION_TAG = re.compile(
    r"^(RELEASE\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z|\d+\.\d+\.\d+)(-[\w.-]+)?$"
)
POSTGRES_TAG = re.compile(r"^\d{2}\.\d+(-[\w.-]+)?$")
SUBSTITUTION = re.compile(r"\$\{(\w+)(:?[?-])?[^}]*\}")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((INFRA / "compose.yaml").read_text("utf-8"))
    return loaded


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = compose["services"]
    return found


def long_running(services: dict[str, dict[str, Any]]) -> list[str]:
    return sorted(name for name in services if name not in ONE_SHOTS)


def image_tag(image: str) -> str | None:
    name = image.rsplit("/", 1)[-1]
    return name.split(":", 1)[1] if ":" in name else None


def is_exact_version(image: str) -> bool:
    tag = image_tag(image) or ""
    pattern = POSTGRES_TAG if image.startswith("postgres:") else VERSION_TAG
    return tag != "latest" and pattern.match(tag) is not None


def test_the_version_check_refuses_moving_tags() -> None:
    moving = ["minio/minio:latest", "caddy:2", "python:3.11-slim", "postgres:16", "redis"]
    assert not [image for image in moving if is_exact_version(image)]


def test_every_image_is_pinned_to_a_version(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        assert is_exact_version(service["image"]), f"{name}: {service['image']} is not pinned"


def test_the_dockerfile_base_image_is_pinned_and_runs_as_a_user() -> None:
    dockerfile = (INFRA / "Dockerfile").read_text("utf-8")
    bases = re.findall(r"^FROM\s+(\S+)", dockerfile, re.M)
    assert bases and all(is_exact_version(base) for base in bases)
    assert re.search(r"^USER\s+radintel$", dockerfile, re.M)
    assert "requirements.lock" in dockerfile


def test_long_running_services_have_health_checks_and_limits(
    services: dict[str, dict[str, Any]],
) -> None:
    for name in long_running(services):
        service = services[name]
        assert service["healthcheck"]["test"], f"{name}: no health check"
        limits = service["deploy"]["resources"]["limits"]
        assert limits["cpus"] and limits["memory"], f"{name}: no resource limits"
        assert service["restart"] == "unless-stopped"


def test_radintel_containers_check_their_health_with_status_json(
    services: dict[str, dict[str, Any]],
) -> None:
    for name in ("worker", "ui"):
        assert services[name]["healthcheck"]["test"] == ["CMD", "radintel", "status", "--json"]


def test_workers_scale_and_pull_from_the_pool(services: dict[str, dict[str, Any]]) -> None:
    worker = services["worker"]
    assert "container_name" not in worker and "ports" not in worker
    command = worker["command"]
    assert command[:3] == ["prefect", "worker", "start"]
    assert command[command.index("--pool") + 1] == "radintel"
    assert command[command.index("--type") + 1] == "process"
    assert services["deploy"]["command"] == ["radintel", "deploy", "--pool", "radintel"]
    assert worker["environment"]["PREFECT_API_URL"] == "http://prefect-server:4200/api"


def test_no_service_has_a_fixed_container_name(services: dict[str, dict[str, Any]]) -> None:
    assert not [name for name, service in services.items() if "container_name" in service]


def test_named_volumes_are_declared(compose: dict[str, Any]) -> None:
    declared = set(compose["volumes"])
    for name, service in compose["services"].items():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if not source.startswith("."):
                assert source in declared, f"{name}: volume {source} is not declared"
    assert {"postgres-data", "minio-data", "prefect-data", "radintel-data"} <= declared


def test_prefect_server_keeps_its_state_in_postgresql(services: dict[str, dict[str, Any]]) -> None:
    server = services["prefect-server"]
    url = server["environment"]["PREFECT_API_DATABASE_CONNECTION_URL"]
    assert url.startswith("postgresql+asyncpg://") and url.endswith("@postgres:5432/prefect")
    assert server["depends_on"]["postgres"]["condition"] == "service_healthy"
    init = (INFRA / "postgres-init" / "10-prefect-database.sql").read_text("utf-8")
    assert "CREATE DATABASE prefect" in init


def test_the_ui_is_reachable_only_through_the_proxy(services: dict[str, dict[str, Any]]) -> None:
    published = [name for name, service in services.items() if service.get("ports")]
    assert sorted(published) == ["prefect-server", "proxy"]
    assert all(port.startswith("127.0.0.1:") for port in services["prefect-server"]["ports"])
    ui = services["ui"]
    assert ui["environment"]["RADINTEL_UI_TRUST_FORWARDED_FOR"] == "true"
    assert ui["expose"] == [ui["environment"]["RADINTEL_UI_PORT"]]


def test_the_caddyfile_proxies_to_the_ui_service_and_port(
    services: dict[str, dict[str, Any]],
) -> None:
    caddyfile = (INFRA / "Caddyfile").read_text("utf-8")
    upstreams = re.findall(r"^\s*reverse_proxy\s+(\S+)", caddyfile, re.M)
    assert upstreams == [f"ui:{services['ui']['environment']['RADINTEL_UI_PORT']}"]
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in services["proxy"]["volumes"]


def test_every_secret_is_required_not_defaulted() -> None:
    text = (INFRA / "compose.yaml").read_text("utf-8")
    for name, operator in SUBSTITUTION.findall(text):
        assert operator == ":?", f"${{{name}}} must refuse to start when unset (:?)"
    assert "RADINTEL_DB_PASSWORD" in {name for name, _ in SUBSTITUTION.findall(text)}


@pytest.mark.parametrize("example", ["radintel.env.example", "minio.env.example"])
def test_env_examples_hold_only_placeholder_secrets(example: str) -> None:
    from storage.settings import is_placeholder

    assert (INFRA / example).is_file()
    secrets = re.findall(r"^\w*(?:SECRET|PASSWORD)\w*=(.*)$", (INFRA / example).read_text(), re.M)
    assert secrets and all(is_placeholder(value) for value in secrets)


def test_env_files_referenced_by_services_have_examples(
    services: dict[str, dict[str, Any]],
) -> None:
    for service in services.values():
        files = service.get("env_file", [])
        for name in [files] if isinstance(files, str) else files:
            assert (INFRA / f"{name}.example").is_file(), f"{name}.example is missing"
