"""The demo's sources and its ingestion: two feeds, the web pages and a bureau inbox, all from
the repository's `demo/` folder. Feeds and pages are served by a file fetcher that only the demo
flow wires in (host demo.radintel.invalid: the .invalid top-level domain never resolves,
RFC 2606); they are declared disabled, so `radintel ingest` and `radintel serve` leave them alone.
The inbox files are copied into the data folder, so moving them never touches the repo."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from prefect import flow

from flows.errors import UserError
from flows.fetch import FileFetcher
from flows.ingest import ingest_with
from flows.settings import FlowSettings, get_flow_settings
from flows.sources_file import put_source
from nlp.vocabulary import SourceKind, Tlp
from storage.models import SourceCreate
from storage.settings import get_storage_settings

# Not installed with the package: the demo runs from a checkout of the repository.
DEMO_ROOT = Path(__file__).resolve().parents[1] / "demo"
DEMO_HOST = "demo.radintel.invalid"  # the host of the links written by demo/pages.py
FEEDS = (("demo-feed", "feed.xml"), ("demo-atom", "atom.xml"))
WEB = "demo-web"
BUREAU = "demo-bureau"


def demo_source_names() -> list[str]:
    return [name for name, _ in FEEDS] + [WEB, BUREAU]


def demo_root() -> Path:
    if not (DEMO_ROOT / "inbox").is_dir():
        raise UserError(f"the demo needs a checkout of the repository: {DEMO_ROOT} is missing")
    return DEMO_ROOT


def copy_inbox() -> Path:
    target = get_storage_settings().data_dir / "inbox" / BUREAU
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted((demo_root() / "inbox").iterdir()):
        if path.is_file() and not path.name.startswith("."):
            shutil.copyfile(path, target / path.name)
    return target.resolve()


def demo_sources(inbox: Path) -> list[SourceCreate]:
    base = f"http://{DEMO_HOST}"
    pages = sorted((demo_root() / "web").glob("*.htm*"))
    feeds = [
        SourceCreate(
            name=name,
            kind=SourceKind.FEED,
            url=f"{base}/feed/{file}",
            reliability="C",
            default_marking=Tlp.CLEAR,
            enabled=False,
        )
        for name, file in FEEDS
    ]
    web = SourceCreate(
        name=WEB,
        kind=SourceKind.WEB,
        urls=[f"{base}/web/{page.name}" for page in pages],
        reliability="C",
        default_marking=Tlp.CLEAR,
        enabled=False,
    )
    bureau = SourceCreate(
        name=BUREAU,
        kind=SourceKind.INBOX_FOLDER,
        inbox=str(inbox),
        reliability="B",
        default_marking=Tlp.AMBER,
        schedule_minutes=5,
    )
    return [*feeds, web, bureau]


def install_demo_sources(settings: FlowSettings) -> list[SourceCreate]:
    """Copy the inbox files and declare the demo sources in the sources file."""
    sources = demo_sources(copy_inbox())
    for source in sources:
        put_source(settings.resolved_sources_file, source)
    return sources


@flow(name="ingest-demo")
def demo_ingest_flow() -> list[dict[str, Any]]:
    """Ingest the demo sources, feeds and pages read from `demo/` by the file fetcher."""
    settings = get_flow_settings()
    fetcher = FileFetcher(demo_root(), host=DEMO_HOST, max_bytes=settings.max_download_bytes)
    try:
        return ingest_with(fetcher, demo_source_names())
    finally:
        fetcher.close()
