"""Radioactive decay between two report dates: A(t) = A0 * 2^(-t / T1/2), with the
half-lives of data/half-lives-v1.yaml (NNDC / IAEA Live Chart, cited there)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from nlp.data_files import read_yaml

HALF_LIVES_FILE = Path(__file__).parent / "data" / "half-lives-v1.yaml"


@lru_cache(maxsize=1)
def half_lives_days() -> dict[str, float]:
    data = read_yaml(HALF_LIVES_FILE)
    return {str(k): float(v) for k, v in data["half_lives"].items()}


def decayed(becquerel: float, nuclide: str, start: date, end: date) -> float:
    """The activity at `end` of a source holding `becquerel` at `start` (earlier or later);
    unchanged for a nuclide without a known half-life."""
    half_life = half_lives_days().get(nuclide)
    if half_life is None:
        return becquerel
    return becquerel * 2.0 ** (-(end - start).days / half_life)
