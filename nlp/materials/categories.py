"""IAEA security categories (RS-G-1.9) from activity over D-value (EPR-D-Values 2006)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nlp.data_files import read_yaml

D_VALUES_FILE = Path(__file__).parent / "patterns" / "d-values-v1.yaml"
TBQ = 1e12


@dataclass(frozen=True)
class DValueTable:
    source: str
    d_tbq: dict[str, float]
    bounds: tuple[tuple[int, float], ...]  # (category, minimum A/D), most severe first


@lru_cache(maxsize=1)
def d_value_table() -> DValueTable:
    data = read_yaml(D_VALUES_FILE)
    bounds = tuple(
        (int(row["category"]), float(row["min_a_over_d"]))
        for row in sorted(data["categories"], key=lambda row: row["category"])
    )
    d_tbq = {str(k): float(v) for k, v in data["d_values"].items()}
    return DValueTable(source=data["source"], d_tbq=d_tbq, bounds=bounds)


def a_over_d(nuclide: str, activity_bq: float) -> float | None:
    d_value = d_value_table().d_tbq.get(nuclide)
    if d_value is None:
        return None
    return activity_bq / (d_value * TBQ)


def category_for(ratio: float) -> int:
    """Category 1-5 for an A/D ratio: Cat1 >= 1000, Cat2 >= 10, Cat3 >= 1, Cat4 >= 0.01."""
    for category, minimum in d_value_table().bounds:
        if ratio >= minimum:
            return category
    return d_value_table().bounds[-1][0]


def categorise(nuclide: str, activity_bq: float) -> tuple[float, int] | None:
    ratio = a_over_d(nuclide, activity_bq)
    if ratio is None:
        return None
    return ratio, category_for(ratio)
