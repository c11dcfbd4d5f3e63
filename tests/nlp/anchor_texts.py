"""Texts for the anchor property tests: every text of the evaluation sets and test data.

A rule or cue pattern is skipped when none of its anchors is in the casefolded text, so an
anchor missing from a real match would lose a finding without any other sign."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEXT_FILES = [
    *sorted(ROOT.glob("evaluation/*.jsonl")),
    *sorted(ROOT.glob("evaluation/realtext/*.jsonl")),
    *sorted(ROOT.glob("tests/nlp/data/*.jsonl")),
]
# Forms and devices the evaluation texts may not hold, in capitals and in Turkish spelling.
EXTRA_TEXTS = [
    "YÜKSEK ZENGİNLEŞTİRİLMİŞ URANYUM ve IŞINLAYICI cihazı, SİLAH SINIFI uranyum.",
    "Troxler 3440 nuclear gauge; gammagraphe; HOCHANGEREICHERTES URAN; Natururan.",
    "Американский RTG, РИТЭГ-1, гамма-дефектоскоп, каротажный источник, АмBe.",
    "Am-241/Be, AmBe, Am-Be, 131I, 18F, F-18 FDG, U3O8, UF₆, HEU, LEU, HALEU, DU.",
    "Kaynak ÇALINDI, KAYIP, KAÇAKÇILIK; DIEBSTAHL; КРАЖА; SKRADZIONO; VOLÉE; ROBADO; THEFT.",
]


def load_texts() -> list[str]:
    texts = list(EXTRA_TEXTS)
    for path in TEXT_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") if line.strip() else None
            if isinstance(text, str):
                texts.append(text)
    return texts


def turkish_capitals(text: str) -> str:
    """Capitals the Turkish way: i → İ, ı → I."""
    return text.replace("i", "İ").replace("ı", "I").upper()


def missed(regex: re.Pattern[str], anchors: tuple[str, ...], texts: Iterable[str]) -> list[str]:
    """The matches of `regex` in `texts` that hold none of `anchors` once casefolded (none
    when there are no anchors: such a pattern is never skipped)."""
    if not anchors:
        return []
    return [
        m.group()
        for text in texts
        for m in regex.finditer(text)
        if not any(anchor in m.group().casefold() for anchor in anchors)
    ]
