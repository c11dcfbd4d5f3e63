"""The map spec draws shipped geometry and inline points; nothing in it points outside."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from review_ui.maps import COUNTRIES, MapPoint, map_spec

POINTS = [
    MapPoint(45.76, 4.84, "Cs-137 source stolen near Lyon", "theft"),
    MapPoint(31.95, 35.93, '<img src="https://tiles.example.net/x.png">', "seizure"),
]


def _walk(node: Any) -> Iterator[tuple[str, Any]]:
    """Every (key, value) pair at any depth of a JSON-like tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


@pytest.mark.security
@pytest.mark.parametrize("framed", [False, True])
def test_the_spec_has_inline_data_only(framed: bool) -> None:
    spec = map_spec(POINTS, framed=framed)
    keys = {key for key, _ in _walk(spec)}
    assert not keys & {"url", "href", "$schema"}, "no data source or link outside the spec"
    strings = [value for _, value in _walk(spec) if isinstance(value, str)]
    assert [s for s in strings if "://" in s] == [POINTS[1].label]  # the label is data, not a URL
    countries, points = spec["layer"]
    assert countries["data"]["values"] == json.loads(COUNTRIES.read_text(encoding="utf-8"))
    assert countries["data"]["format"] == {"type": "topojson", "feature": "countries"}
    assert [p["label"] for p in points["data"]["values"]] == [p.label for p in POINTS]
    assert json.loads(json.dumps(spec)) == spec  # plain JSON, ready for any Vega-Lite renderer


def test_the_shipped_geometry_holds_the_countries() -> None:
    topology = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    names = {g["properties"]["name"] for g in topology["objects"]["countries"]["geometries"]}
    assert len(names) > 170 and {"France", "Jordan", "Kazakhstan", "Philippines"} <= names


def test_a_world_map_fits_the_countries_and_a_framed_map_fits_the_points() -> None:
    assert map_spec(POINTS)["projection"] == {"type": "equalEarth"}
    frame = map_spec(POINTS, framed=True)["projection"]["fit"]["geometry"]["coordinates"]
    longitudes, latitudes = [c[0] for c in frame], [c[1] for c in frame]
    assert min(longitudes) < 4.84 and max(longitudes) > 35.93
    assert min(latitudes) < 31.95 and max(latitudes) > 45.76
    lone = map_spec(POINTS[:1], framed=True)["projection"]["fit"]["geometry"]["coordinates"]
    assert max(c[0] for c in lone) - min(c[0] for c in lone) >= 40  # never zoomed to a dot


def test_a_framed_map_stays_on_the_globe() -> None:
    pole = MapPoint(89.5, 179.9, "north pole", "place")
    frame = map_spec([pole], framed=True)["projection"]["fit"]["geometry"]["coordinates"]
    assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in frame)


def test_the_width_is_the_container_in_the_browser_and_pixels_for_an_image() -> None:
    assert map_spec(POINTS)["width"] == "container"
    assert map_spec(POINTS, width=800, height=400)["width"] == 800
