"""The demo's sources: two feeds, the web pages and a bureau inbox, all served from the
repository's `flows/demo/` through the offline file fetcher (host demo.radintel.invalid).
The inbox files are copied into the data folder, so moving them never touches the repo."""

from __future__ import annotations

import shutil
from pathlib import Path

from flows.settings import FlowSettings
from flows.sources_file import put_source
from nlp.vocabulary import SourceKind, Tlp
from storage.models import SourceCreate
from storage.settings import get_storage_settings

FEEDS = (("demo-feed", "feed.xml"), ("demo-atom", "atom.xml"))
WEB = "demo-web"
BUREAU = "demo-bureau"


def demo_source_names() -> list[str]:
    return [name for name, _ in FEEDS] + [WEB, BUREAU]


def copy_inbox(settings: FlowSettings) -> Path:
    target = get_storage_settings().data_dir / "inbox" / BUREAU
    target.mkdir(parents=True, exist_ok=True)
    source = settings.demo_root / "inbox"
    for path in sorted(source.iterdir()) if source.is_dir() else []:
        if path.is_file() and not path.name.startswith("."):
            shutil.copyfile(path, target / path.name)
    return target.resolve()


def demo_sources(settings: FlowSettings, inbox: Path) -> list[SourceCreate]:
    base = f"http://{settings.demo_host}"
    pages = sorted((settings.demo_root / "web").glob("*.htm*"))
    feeds = [
        SourceCreate(
            name=name,
            kind=SourceKind.FEED,
            url=f"{base}/feed/{file}",
            reliability="C",
            default_marking=Tlp.CLEAR,
        )
        for name, file in FEEDS
    ]
    web = SourceCreate(
        name=WEB,
        kind=SourceKind.WEB,
        urls=[f"{base}/web/{page.name}" for page in pages],
        reliability="C",
        default_marking=Tlp.CLEAR,
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
    sources = demo_sources(settings, copy_inbox(settings))
    for source in sources:
        put_source(settings.resolved_sources_file, source)
    return sources
