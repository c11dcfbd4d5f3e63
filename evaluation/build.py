"""Build the evaluation sets (`gold.jsonl`, `heldout.jsonl`) from their annotated sources.

A tool, not part of the runtime: run it from the repository root with
`PYTHONPATH=. .venv/bin/python evaluation/build.py` (`--set heldout` for the held-out set,
`--set org-dev` for the English organisation development set,
`--set realtext-tuned` / `--set realtext-heldout` for the two halves of the real-text set, whose
sources are in `realtext/sources/`). The sources are YAML files in `sources/` next to this file:
one entry per document with its document-level labels and its text, where findings are marked
inline. The output is deterministic: running it again reproduces the files byte for byte. The
annotation rules and the markup are in GUIDELINES.md next to this file.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from nlp.vocabulary import Label

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
GOLD_PATH = HERE / "gold.jsonl"
HELDOUT_PATH = HERE / "heldout.jsonl"
GOLD_SOURCES = ("gold-en.yaml", "gold-fr.yaml", "gold-es.yaml", "gold-ar.yaml")
# The languages set: short documents in the eight languages added to the rules in v2
# (materials-v2, cues-v2), kept apart from gold.jsonl, whose shape and balance they do not meet.
LANGUAGES_SOURCES = tuple(
    f"gold-{language}.yaml" for language in ("pt", "de", "it", "ru", "uk", "pl", "tr", "ka")
)  # the same as ADDED_LANGUAGES, below
LANGUAGES_PATH = HERE / "languages.jsonl"
# Its held-out companion: three documents per language, written before the entity rules of
# entity-rules-v2 and never used to tune them.
LANGUAGES_HELDOUT_SOURCES = ("languages-heldout.yaml",)
LANGUAGES_HELDOUT_PATH = HERE / "languages-heldout.jsonl"
HELDOUT_SOURCES = ("heldout.yaml",)
# English organisation development set: written to tune the English ORG rules (issue 11) without
# looking at the held-out set; a development set like gold.jsonl.
ORG_DEV_SOURCES = ("org-dev-en.yaml",)
ORG_DEV_PATH = HERE / "org-dev.jsonl"
REALTEXT = HERE / "realtext"
REALTEXT_SPLITS = ("tuned", "heldout")
# Real-text excerpts are quoted, not redistributed whole: a few sentences each (GUIDELINES.md).
EXCERPT_MAX_CHARS = 800

LANGUAGES = ("en", "fr", "es", "ar")  # of gold.jsonl and heldout.jsonl
ADDED_LANGUAGES = ("pt", "de", "it", "ru", "uk", "pl", "tr", "ka")  # of languages.jsonl
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


@dataclass(frozen=True)
class GoldSource:
    """One annotated document as written in a source file: labels next to marked-up text."""

    id: str
    text: str
    relevant: bool
    incident_type: str = "none"
    intent_group: str | None = None
    countries: tuple[str, ...] = ()
    incident_date: str | None = None
    # real-text excerpts only: where the text was quoted from, and which half it belongs to
    url: str | None = None
    accessed: str | None = None
    published: str | None = None
    split: str | None = None

    @property
    def language(self) -> str:
        return self.id.split("-")[1]


SOURCE_FIELDS = frozenset(GoldSource.__dataclass_fields__)


def _source(entry: Any, path: Path) -> GoldSource:
    """One YAML entry as a GoldSource; unknown or missing fields are refused."""
    if not isinstance(entry, dict) or not {"id", "text", "relevant"} <= set(entry):
        raise GoldMarkupError(f"{path.name}: an entry needs id, relevant and text: {entry!r:.80}")
    unknown = set(entry) - SOURCE_FIELDS
    if unknown:
        raise GoldMarkupError(f"{path.name}: {entry['id']}: unknown fields {sorted(unknown)}")
    for key in ("incident_date", "accessed", "published"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise GoldMarkupError(f"{path.name}: {entry['id']}: quote {key}")
    return GoldSource(**{**entry, "countries": tuple(entry.get("countries", ()))})


def load_sources(names: Sequence[str], folder: Path = SOURCES) -> list[GoldSource]:
    """The documents of the named source files, in file order."""
    sources: list[GoldSource] = []
    for name in names:
        path = folder / name
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        sources += [_source(entry, path) for entry in entries]
    return sources


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
    document = {
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
    if source.url is None:
        return document
    # Real-text excerpts: only MATERIAL is marked up, so the scorer leaves other labels out.
    return {
        **document,
        "url": source.url,
        "accessed": source.accessed,
        "published": source.published,
        "annotated_labels": [Label.MATERIAL.value],
    }


def all_sources() -> list[GoldSource]:
    return load_sources(GOLD_SOURCES)


def heldout_sources() -> list[GoldSource]:
    return load_sources(HELDOUT_SOURCES)


def org_dev_sources() -> list[GoldSource]:
    return load_sources(ORG_DEV_SOURCES)


def realtext_sources(split: str) -> list[GoldSource]:
    """One half of the real-text set: every language file's entries marked with that split."""
    if split not in REALTEXT_SPLITS:
        raise GoldMarkupError(f"unknown real-text split {split!r}")
    folder = REALTEXT / "sources"
    names = sorted(path.name for path in folder.glob("*.yaml"))
    everything = load_sources(names, folder)
    for source in everything:
        _check_excerpt(source)
    return [source for source in everything if source.split == split]


def _check_excerpt(source: GoldSource) -> None:
    if not (source.url and source.accessed) or source.split not in REALTEXT_SPLITS:
        raise GoldMarkupError(f"{source.id}: a real-text excerpt needs url, accessed and split")
    if len(render(source)["text"]) > EXCERPT_MAX_CHARS:
        raise GoldMarkupError(f"{source.id}: excerpt longer than {EXCERPT_MAX_CHARS} characters")


def languages_sources() -> list[GoldSource]:
    return load_sources(LANGUAGES_SOURCES)


def languages_heldout_sources() -> list[GoldSource]:
    return load_sources(LANGUAGES_HELDOUT_SOURCES)


SETS = {
    "gold": (GOLD_PATH, all_sources),
    "heldout": (HELDOUT_PATH, heldout_sources),
    "org-dev": (ORG_DEV_PATH, org_dev_sources),
    "realtext-tuned": (REALTEXT / "tuned.jsonl", lambda: realtext_sources("tuned")),
    "realtext-heldout": (REALTEXT / "heldout.jsonl", lambda: realtext_sources("heldout")),
    "languages": (LANGUAGES_PATH, languages_sources),
    "languages-heldout": (LANGUAGES_HELDOUT_PATH, languages_heldout_sources),
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
