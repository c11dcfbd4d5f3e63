"""The sources file: the operator's declaration, validated with SourceCreate."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.errors import UserError
from flows.sources_file import parse_source, put_source, read_sources, set_enabled
from nlp.vocabulary import SourceKind, Tlp


def test_round_trip_and_replacement(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    assert read_sources(path) == []
    put_source(path, parse_source({"name": "a", "kind": "feed", "url": "https://a.example/rss"}))
    put_source(
        path,
        parse_source(
            {
                "name": "b",
                "kind": "inbox_folder",
                "inbox": "inbox/b",
                "bureau_country": "ma",
                "default_marking": "TLP:AMBER",
                "reliability": "B",
            }
        ),
    )
    put_source(path, parse_source({"name": "a", "kind": "web", "urls": ["https://a.example/1"]}))
    sources = {source.name: source for source in read_sources(path)}
    assert sources["a"].kind == SourceKind.WEB and sources["a"].urls == ["https://a.example/1"]
    assert sources["b"].bureau_country == "MA" and sources["b"].default_marking == Tlp.AMBER
    assert set_enabled(path, "b", False).enabled is False
    assert [source.enabled for source in read_sources(path)] == [False, True]
    assert path.read_text().startswith("sources:\n- name: b\n  kind: inbox_folder")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "x", "kind": "feed"}, "a feed needs url"),
        ({"name": "x", "kind": "web"}, "a web source needs urls"),
        ({"name": "x", "kind": "inbox_s3"}, "needs inbox"),
        ({"name": "x", "kind": "feed", "url": "u", "reliability": "G"}, "A-F"),
        ({"name": "x", "kind": "feed", "url": "u", "bureau_country": "XX"}, "ISO 3166"),
        ({"name": "x", "kind": "feed", "url": "u", "colour": "red"}, "unknown fields"),
        ({"name": "x", "kind": "radio"}, "kind"),
        ({"name": "x", "kind": "feed", "url": "u", "default_marking": "SECRET"}, "marking"),
    ],
)
def test_invalid_declarations_are_refused_with_a_reason(
    entry: dict[str, object], message: str
) -> None:
    with pytest.raises(UserError, match=message):
        parse_source(entry)


def test_a_broken_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("sources: {not: a list}\n")
    with pytest.raises(UserError, match="sources:"):
        read_sources(path)
    path.write_text("sources:\n- {name: a, kind: feed, url: u}\n- {name: a, kind: feed, url: v}\n")
    with pytest.raises(UserError, match="used twice"):
        read_sources(path)
