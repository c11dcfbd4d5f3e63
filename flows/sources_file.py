"""The operator's declaration of sources: a YAML file, validated with SourceCreate.

sources:
  - name: regulator-notices
    kind: feed
    url: https://example.org/notices.rss
    reliability: B
    default_marking: TLP:CLEAR
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pycountry
import yaml
from pydantic import ValidationError

from flows.errors import UserError
from nlp.vocabulary import SourceKind
from storage.models import SourceCreate

RELIABILITY = "ABCDEF"


def check_source(source: SourceCreate) -> SourceCreate:
    """Checks beyond the field types; raise UserError naming the source."""
    problems: list[str] = []
    if source.reliability not in RELIABILITY:
        problems.append("reliability must be one of A-F")
    if source.kind == SourceKind.FEED and not source.url:
        problems.append("a feed needs url")
    if source.kind == SourceKind.WEB and not (source.urls or source.url):
        problems.append("a web source needs urls")
    if source.kind in (SourceKind.INBOX_FOLDER, SourceKind.INBOX_S3) and not source.inbox:
        problems.append(f"a {source.kind.value} source needs inbox")
    if source.bureau_country and not pycountry.countries.get(alpha_2=source.bureau_country):
        problems.append("bureau_country must be an ISO 3166-1 alpha-2 code")
    if source.schedule_minutes <= 0:
        problems.append("schedule_minutes must be positive")
    if problems:
        raise UserError(f"source {source.name!r}: {'; '.join(problems)}")
    return source


def parse_source(entry: Any) -> SourceCreate:
    if not isinstance(entry, dict):
        raise UserError("each source must be a mapping of fields")
    unknown = set(entry) - set(SourceCreate.model_fields)
    if unknown:
        raise UserError(f"source {entry.get('name')!r}: unknown fields {sorted(unknown)}")
    if isinstance(entry.get("bureau_country"), str):
        entry = {**entry, "bureau_country": entry["bureau_country"].upper()}
    try:
        source = SourceCreate.model_validate(entry)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise UserError(f"source {entry.get('name')!r}: {where}: {first['msg']}") from error
    return check_source(source)


def read_sources(path: Path) -> list[SourceCreate]:
    """The declared sources; an absent file declares none."""
    if not path.exists():
        return []
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise UserError(f"{path} is not valid YAML: {error}") from error
    entries = content.get("sources", []) if isinstance(content, dict) else None
    if not isinstance(entries, list):
        raise UserError(f"{path} must hold a 'sources:' list")
    sources = [parse_source(entry) for entry in entries]
    names = [source.name for source in sources]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise UserError(f"{path}: source names used twice: {duplicates}")
    return sources


def write_sources(path: Path, sources: list[SourceCreate]) -> None:
    """Write atomically, so a crash never leaves half a declaration."""
    entries = [
        {
            "name": source.name,
            "kind": source.kind.value,
            **source.model_dump(mode="json", exclude_defaults=True, exclude={"name", "kind"}),
        }
        for source in sources
    ]
    text = yaml.safe_dump({"sources": entries}, sort_keys=False, allow_unicode=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".sources-", suffix=".yaml")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def put_source(path: Path, source: SourceCreate) -> list[SourceCreate]:
    """Add the source, or replace the one with the same name; return the new list."""
    sources = [existing for existing in read_sources(path) if existing.name != source.name]
    sources.append(check_source(source))
    write_sources(path, sources)
    return sources


def set_enabled(path: Path, name: str, enabled: bool) -> SourceCreate:
    sources = read_sources(path)
    for index, source in enumerate(sources):
        if source.name == name:
            sources[index] = source.model_copy(update={"enabled": enabled})
            write_sources(path, sources)
            return sources[index]
    raise UserError(f"no source named {name!r} in {path}")
