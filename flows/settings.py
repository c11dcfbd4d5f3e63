"""Settings of the flows: sources file, HTTP limits, task timeouts, schedules, batch size."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from flows.extract_pool import default_workers
from flows.fetch.bounded import DEFAULT_DEADLINE_SECONDS
from nlp import input_limits
from nlp.vocabulary import Tlp
from storage.periods import PeriodKind
from storage.settings import get_storage_settings

MB = 1024 * 1024


class FlowSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RADINTEL_", env_file=".env", extra="ignore")

    sources_file: Path | None = None  # default: <data_dir>/sources.yaml
    max_download_bytes: int = Field(default=50 * MB, gt=0)  # also the inbox upload cap
    http_connect_timeout: float = Field(default=10.0, gt=0)
    http_read_timeout: float = Field(default=30.0, gt=0)  # per read
    # The whole download of one URL, redirects included: a server trickling bytes just
    # inside the read timeout is cut off here.
    fetch_deadline_seconds: float = Field(default=DEFAULT_DEADLINE_SECONDS, gt=0)
    # Prefect task timeouts, so a hung source cannot hold up the other sources and flows.
    fetch_task_timeout_seconds: float = Field(default=1800.0, gt=0)
    store_task_timeout_seconds: float = Field(default=1800.0, gt=0)  # read inbox, parse, store
    extract_task_timeout_seconds: float = Field(default=3600.0, gt=0)
    max_redirects: int = Field(default=5, ge=0)
    fetch_retry_delays: list[float] = Field(default_factory=lambda: [2.0, 5.0, 15.0])
    # Networks fetched from for every source despite the SSRF guard (tests: loopback).
    allowed_networks: list[str] = Field(default_factory=list)
    host_min_interval_seconds: float = Field(default=1.0, ge=0)  # per-host rate limit
    user_agent: str = "radintel/0.1 (RN incident intelligence; contact: operator)"
    feed_schedule_minutes: float = Field(default=15.0, gt=0)
    inbox_schedule_minutes: float = Field(default=5.0, gt=0)
    batch_size: int = Field(default=25, gt=0)
    # Processes of `radintel extract --input` (each loads its own models); the command's
    # --workers overrides it. Default: the CPUs this process may use, up to four.
    extract_workers: int = Field(default_factory=default_workers, ge=1)
    # What one input file may expand into, nested attachments included; past it the whole
    # file is refused (quarantined, with the bound named).
    max_documents_per_input: int = Field(default=input_limits.MAX_DOCUMENTS_PER_INPUT, gt=0)
    max_attachments_per_input: int = Field(default=input_limits.MAX_ATTACHMENTS_PER_INPUT, ge=0)
    max_chars_per_input: int = Field(default=input_limits.MAX_CHARS_PER_INPUT, gt=0)
    feed_fetch_articles: bool = True  # fetch the page an entry links to
    stale_run_hours: float = Field(default=6.0, gt=0)  # runs owned by another host
    # The scheduled assessment draft (`radintel serve`): cron in UTC, default 06:00 on the
    # first day of each month, drafting the period of `assessment_period` that just ended.
    assessment_cron: str = "0 6 1 * *"
    assessment_period: PeriodKind = PeriodKind.MONTH
    assessment_ceiling: Tlp = Tlp.AMBER
    assessment_scope: str | None = None  # None: the world; or a country code or region
    # Scale-out (`radintel deploy`): a worker's claim on a batch of documents lasts this long,
    # longer than a batch may take; a crashed worker's documents wait this long to be retried.
    extract_lease_seconds: float = Field(default=3900.0, gt=0)
    # A Dask scheduler ("tcp://host:8786"): extraction batches run on its workers.
    dask_address: str | None = None
    # Operations: one JSON object per log line for a log shipper ("text" for a terminal),
    # and the Prometheus exporter of `radintel serve` and of the workers (None: no exporter).
    log_format: Literal["text", "json"] = "text"
    metrics_port: int | None = Field(default=None, ge=0, le=65535)
    metrics_addr: str = "127.0.0.1"  # 0.0.0.0 in a container, for Prometheus to reach it

    # E-mail of alert notifications (`radintel notify`, after extraction, `radintel serve`).
    # Without smtp_host nothing is e-mailed; the review UI's inbox still shows everything.
    smtp_host: str | None = None
    smtp_port: int = Field(default=25, gt=0, le=65535)
    smtp_starttls: bool = False  # upgrade the connection with STARTTLS before logging in
    smtp_username: str | None = None  # log in when set
    smtp_password: SecretStr | None = None
    smtp_sender: str = "radintel@localhost"  # the From address
    smtp_timeout_seconds: float = Field(default=30.0, gt=0)
    notify_max_attempts: int = Field(default=5, gt=0)  # a message failing this often is given up
    notify_schedule_minutes: float = Field(default=5.0, gt=0)

    @property
    def resolved_sources_file(self) -> Path:
        if self.sources_file is not None:
            return self.sources_file
        return get_storage_settings().data_dir / "sources.yaml"


@lru_cache
def get_flow_settings() -> FlowSettings:
    return FlowSettings()
