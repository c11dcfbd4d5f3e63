"""Maps drawn offline: country shapes shipped with the product under incident points.

A map is a Vega-Lite spec whose data are all inline: the browser fetches no tiles and tells no
third party where incidents are (security review item 8). The builder knows nothing of
Streamlit, so the same spec can be rendered to an image for reports.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

COUNTRIES = Path(__file__).resolve().parent / "geodata" / "countries-110m.json"
MARGIN_DEGREES = 8.0  # around the points of a framed map
MIN_SPAN_DEGREES = (40.0, 25.0)  # a framed map shows at least this much (longitude, latitude)


@dataclass(frozen=True)
class MapPoint:
    latitude: float
    longitude: float
    label: str  # shown in the tooltip; may come from a document, Vega escapes it
    kind: str  # the colour and legend of the point


@lru_cache(maxsize=1)
def _countries_text() -> str:
    # The text, not the parsed object, is cached: every spec gets its own copy to mutate.
    return COUNTRIES.read_text(encoding="utf-8")


def _countries_layer() -> dict[str, Any]:
    return {
        "data": {
            "values": json.loads(_countries_text()),
            "format": {"type": "topojson", "feature": "countries"},
        },
        "mark": {"type": "geoshape", "fill": "#e6e9ed", "stroke": "#9aa3ad",
                 "strokeWidth": 0.5, "clip": True},
        "encoding": {"tooltip": [{"field": "properties.name", "type": "nominal",
                                  "title": "Country"}]},
    }  # fmt: skip


def _points_layer(points: Sequence[MapPoint]) -> dict[str, Any]:
    return {
        "data": {"values": [asdict(point) for point in points]},
        "mark": {"type": "circle", "size": 70, "opacity": 0.85, "stroke": "white",
                 "strokeWidth": 1, "clip": True},
        "encoding": {
            "longitude": {"field": "longitude", "type": "quantitative"},
            "latitude": {"field": "latitude", "type": "quantitative"},
            "color": {"field": "kind", "type": "nominal", "title": None,
                      "legend": {"orient": "bottom"}},
            "tooltip": [{"field": "label", "type": "nominal", "title": "What"},
                        {"field": "kind", "type": "nominal", "title": "Kind"}],
        },
    }  # fmt: skip


def _span(low: float, high: float, minimum: float, limit: float) -> tuple[float, float]:
    low, high = low - MARGIN_DEGREES, high + MARGIN_DEGREES
    if high - low < minimum:
        middle = (low + high) / 2
        low, high = middle - minimum / 2, middle + minimum / 2
    return max(low, -limit), min(high, limit)


def _frame(points: Sequence[MapPoint]) -> dict[str, Any]:
    """A feature the projection fits to: the box around the points, edges' midpoints included
    because meridians curve in the Equal Earth projection."""
    west, east = _span(min(p.longitude for p in points), max(p.longitude for p in points),
                       MIN_SPAN_DEGREES[0], 180.0)  # fmt: skip
    south, north = _span(min(p.latitude for p in points), max(p.latitude for p in points),
                         MIN_SPAN_DEGREES[1], 89.0)  # fmt: skip
    middle_lon, middle_lat = (west + east) / 2, (south + north) / 2
    corners = [[lon, lat] for lon in (west, middle_lon, east) for lat in (south, middle_lat, north)]
    return {"type": "Feature", "properties": {},
            "geometry": {"type": "MultiPoint", "coordinates": corners}}  # fmt: skip


def map_spec(
    points: Sequence[MapPoint], *, framed: bool = False, width: int | None = None, height: int = 360
) -> dict[str, Any]:
    """The world (or, `framed`, the region around the points) with the points on it.

    `width` None fills the container in the browser; give pixels to render an image.
    """
    projection: dict[str, Any] = {"type": "equalEarth"}
    if framed and points:
        projection["fit"] = _frame(points)
    return {
        "width": "container" if width is None else width,
        "height": height,
        "projection": projection,
        "layer": [_countries_layer(), _points_layer(points)],
    }
