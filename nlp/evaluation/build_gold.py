"""Build `gold.jsonl` from the marked-up documents in `gold_docs_*.py`.

Run: `PYTHONPATH=. .venv/bin/python nlp/evaluation/build_gold.py`. The output is
deterministic: running it again reproduces the file byte for byte. The annotation rules are
in GUIDELINES.md next to this file. `--set heldout` builds `heldout.jsonl` from
`heldout_docs.py` instead: documents the extraction rules were never tuned on.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from nlp.evaluation.gold_docs_ar import DOCUMENTS as ARABIC
from nlp.evaluation.gold_docs_base import GoldSource
from nlp.evaluation.gold_docs_en import DOCUMENTS as ENGLISH
from nlp.evaluation.gold_docs_es import DOCUMENTS as SPANISH
from nlp.evaluation.gold_docs_fr import DOCUMENTS as FRENCH
from nlp.evaluation.heldout_docs import DOCUMENTS as HELDOUT
from nlp.vocabulary import Label

GOLD_PATH = Path(__file__).with_name("gold.jsonl")
HELDOUT_PATH = Path(__file__).with_name("heldout.jsonl")

LANGUAGES = ("en", "fr", "es", "ar")
ISOTOPES = (
    "Cs-137", "Co-60", "Ir-192", "Am-241", "Am-241/Be", "Sr-90", "Ra-226", "Se-75", "Cf-252",
    "Pu-239", "Pu-238", "Po-210", "Kr-85", "H-3", "U-235", "U-238", "Th-232",
    "Mo-99", "Tc-99m", "Lu-177", "I-131", "F-18",
)  # fmt: skip
FORMS = (
    "HEU", "LEU", "natural uranium", "depleted uranium", "uranium ore concentrate", "UF6",
    "uranium", "plutonium", "thorium",
)  # fmt: skip
SCAMS = ("red mercury", "osmium")
DEVICES = (
    "radiography camera", "moisture/density gauge", "level gauge", "well-logging source",
    "teletherapy head", "brachytherapy source", "irradiator", "RTG", "smoke detector",
    "lightning rod", "XRF analyser",
)  # fmt: skip
MATERIAL_NAMES = (*ISOTOPES, *FORMS, *SCAMS, *DEVICES)
ATTRIBUTE_KEYS = ("activity_bq", "quantity_g", "enrichment_pct", "device")

MARKUP = re.compile(r"\[\[([^\[\]]+?)\]\]")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class GoldMarkupError(ValueError):
    """A document's markup is malformed or breaks the annotation rules."""


def normalise_whitespace(raw: str) -> str:
    """Paragraphs separated by one blank line, each paragraph's lines joined by single spaces."""
    paragraphs = PARAGRAPH_BREAK.split(raw.strip())
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)


def _finding(fields: list[str], start: int, doc_id: str) -> dict[str, Any]:
    surface, label = fields[0], fields[1]
    normalized = fields[2] if len(fields) > 2 and fields[2] else None
    attributes = json.loads(fields[3]) if len(fields) > 3 else {}
    if label not in set(Label):
        raise GoldMarkupError(f"{doc_id}: unknown label {label!r} on {surface!r}")
    if surface != surface.strip():
        raise GoldMarkupError(f"{doc_id}: span {surface!r} has outer whitespace")
    return {
        "label": label,
        "text": surface,
        "start": start,
        "end": start + len(surface),
        "normalized": normalized,
        "attributes": attributes,
    }


def parse_markup(marked: str, doc_id: str) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and its findings, with offsets into the plain text."""
    parts: list[str] = []
    findings: list[dict[str, Any]] = []
    length = 0
    cursor = 0
    for match in MARKUP.finditer(marked):
        before = marked[cursor : match.start()]
        parts.append(before)
        length += len(before)
        fields = match.group(1).split("|", 3)
        if len(fields) < 2:
            raise GoldMarkupError(f"{doc_id}: markup without label: {match.group(0)!r}")
        finding = _finding(fields, length, doc_id)
        findings.append(finding)
        parts.append(finding["text"])
        length += len(finding["text"])
        cursor = match.end()
    parts.append(marked[cursor:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        raise GoldMarkupError(f"{doc_id}: unbalanced markup")
    return text, findings


def render(source: GoldSource) -> dict[str, Any]:
    """The JSON object of one gold document."""
    text, findings = parse_markup(normalise_whitespace(source.text), source.id)
    return {
        "id": source.id,
        "language": source.language,
        "text": text,
        "relevant": source.relevant,
        "incident_type": source.incident_type,
        "intent_group": source.intent_group,
        "countries": list(source.countries),
        "incident_date": source.incident_date,
        "findings": findings,
    }


def all_sources() -> list[GoldSource]:
    return [*ENGLISH, *FRENCH, *SPANISH, *ARABIC]


def heldout_sources() -> list[GoldSource]:
    return list(HELDOUT)


SETS: dict[str, tuple[Path, Callable[[], list[GoldSource]]]] = {
    "gold": (GOLD_PATH, all_sources),
    "heldout": (HELDOUT_PATH, heldout_sources),
}


def build_lines(sources: Sequence[GoldSource] | None = None) -> str:
    """The full content of gold.jsonl, or of the set made of `sources`."""
    chosen = all_sources() if sources is None else sources
    rendered = [render(source) for source in chosen]
    ids = [document["id"] for document in rendered]
    if len(ids) != len(set(ids)):
        raise GoldMarkupError("duplicate document ids")
    return "".join(json.dumps(document, ensure_ascii=False) + "\n" for document in rendered)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build an evaluation set from its markup.")
    parser.add_argument("--set", choices=sorted(SETS), default="gold", dest="name")
    path, sources = SETS[parser.parse_args(argv).name]
    content = build_lines(sources())
    path.write_text(content, encoding="utf-8", newline="\n")
    print(f"wrote {content.count(chr(10))} documents to {path}")


if __name__ == "__main__":
    main()
