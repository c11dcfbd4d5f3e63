"""Charts and the map of an edition: Vega-Lite specs built from its snapshot (pure dicts),
drawn to PNG offline by vl-convert with every datum inline and remote loading refused."""

from __future__ import annotations

from typing import Any

import vl_convert

from flows.publishing.document import count_table
from flows.publishing.labels import DIMENSION_TITLES, value_label
from review_ui.maps import MapPoint, map_spec
from storage.models.assessments import DIMENSIONS, Snapshot

VEGA_LITE_VERSION = "5.21"  # pinned so a vl-convert upgrade cannot silently change images
SCALE = 2  # pixels per CSS pixel: sharp in print at the width the page gives the image
CHART_WIDTH = 300
MAP_SIZE = (640, 330)
MAX_BARS = 12  # the busiest values of a dimension; the tables list every value
CURRENT, PREVIOUS = "This period", "Previous period"
COLOURS = {CURRENT: "#1f4e79", PREVIOUS: "#a6bddb"}


def bars_spec(snapshot: Snapshot, dimension: str) -> dict[str, Any]:
    """Horizontal bars per value of `dimension`, the previous period beside the current one."""
    rows = count_table(snapshot, dimension).rows[:MAX_BARS]
    order = [row.label for row in rows]
    values = [
        {"value": row.label, "period": period, "count": count}
        for row in rows
        for period, count in ((CURRENT, row.current), (PREVIOUS, row.previous))
    ]
    return {
        "description": DIMENSION_TITLES.get(dimension, dimension),
        "width": CHART_WIDTH,
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {"field": "value", "type": "nominal", "sort": order, "title": None,
                  "axis": {"labelLimit": 200}},
            "x": {"field": "count", "type": "quantitative", "title": "Incidents",
                  "axis": {"tickMinStep": 1, "format": "d"}},
            "yOffset": {"field": "period", "sort": [CURRENT, PREVIOUS]},
            "color": {"field": "period", "type": "nominal", "title": None,
                      "scale": {"domain": list(COLOURS), "range": list(COLOURS.values())},
                      "legend": {"orient": "bottom"}},
        },
    }  # fmt: skip


def incident_map_spec(snapshot: Snapshot) -> dict[str, Any]:
    """The incidents with coordinates on the shipped world geometry, coloured by intent;
    a scoped assessment is framed on its incidents."""
    points = [
        MapPoint(
            i.latitude, i.longitude, i.place or "", value_label("intent_group", i.intent_group)
        )
        for i in sorted(snapshot.incidents, key=lambda incident: incident.id)
        if i.latitude is not None and i.longitude is not None
    ]
    width, height = MAP_SIZE
    spec = map_spec(points, framed=snapshot.scope is not None, width=width, height=height)
    # A printed legend cannot show a tooltip: whole labels, one a line.
    legend = spec["layer"][-1]["encoding"]["color"]["legend"]
    legend.update({"labelLimit": 0, "columns": 1, "title": "Intent"})
    return spec


def chart_specs(snapshot: Snapshot) -> dict[str, dict[str, Any]]:
    """Every chart of an edition by name: "map", then one bar chart per dimension."""
    specs = {"map": incident_map_spec(snapshot)}
    specs.update({dimension: bars_spec(snapshot, dimension) for dimension in DIMENSIONS})
    return specs


def draw(spec: dict[str, Any]) -> bytes:
    """A PNG of `spec`; `allowed_base_urls=[]` refuses any data not inline in the spec."""
    png = vl_convert.vegalite_to_png(
        spec, vl_version=VEGA_LITE_VERSION, scale=SCALE, allowed_base_urls=[]
    )
    return bytes(png)


def chart_images(snapshot: Snapshot) -> dict[str, bytes]:
    """PNG images of every chart of an edition by name (see `chart_specs`)."""
    return {name: draw(spec) for name, spec in chart_specs(snapshot).items()}
