"""Per-language tables of the real-text set, before and after, from the saved `radintel
evaluate` reports (the "before" code is an old commit, so its report is the record):

    PYTHONPATH=. .venv/bin/python -m evaluation.realtext.per_language

prints one Markdown table per half: texts, relevance accuracy, material F1 (label and
normalised form right; with the number of gold material mentions) and incident-type
accuracy for each language, before → after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
BEFORE = HERE / "baseline-2026-12-02.txt"  # both halves, one after the other
AFTER = {
    "tuned": HERE / "after-languages-2026-12-02-tuned.txt",
    "heldout": HERE / "after-languages-2026-12-02-heldout.txt",
}
_BLOCK = re.compile(r"^== (?:language (\w+)|overall) ==$", re.MULTILINE)
_MATERIAL = re.compile(r"^MATERIAL\s+\S+\s+\S+\s+\S+\s+\S+\s+(\d+)$", re.MULTILINE)
# The README's material F1: a finding counts when its label and its normalised form are right.
_NORMALISED = re.compile(r"\(label, normalized\) P \S+ R \S+ F1 (\S+)$", re.MULTILINE)
_RELEVANCE = re.compile(r"^relevance accuracy (\S+) \((\d+)/(\d+)\)", re.MULTILINE)
_TYPE = re.compile(r"^incident type accuracy (\S+) \((\d+)/(\d+)\)$", re.MULTILINE)


@dataclass(frozen=True)
class Scores:
    texts: int
    relevance: str  # "right/total"
    material_f1: float
    material_gold: int
    incident_type: str  # "right/total"


def parse(report: str) -> dict[str, Scores]:
    """Scores by language ("all" for the overall block) of one `radintel evaluate` report."""
    marks = list(_BLOCK.finditer(report))
    scores: dict[str, Scores] = {}
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        block = report[mark.end() : following.start() if following else len(report)]
        material, normalised, relevance, kind = (
            p.search(block) for p in (_MATERIAL, _NORMALISED, _RELEVANCE, _TYPE)
        )
        if not (material and normalised and relevance and kind):
            raise ValueError(f"unexpected report block {mark.group(0)!r}")
        scores[mark.group(1) or "all"] = Scores(
            texts=int(relevance.group(3)),
            relevance=f"{relevance.group(2)}/{relevance.group(3)}",
            material_f1=float(normalised.group(1)),
            material_gold=int(material.group(1)),
            incident_type=f"{kind.group(2)}/{kind.group(3)}",
        )
    return scores


def halves_of_baseline(text: str) -> dict[str, str]:
    """The baseline file holds both halves under `## evaluation/realtext/<half>.jsonl`."""
    parts = re.split(r"^## evaluation/realtext/(\w+)\.jsonl$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def table(before: dict[str, Scores], after: dict[str, Scores]) -> str:
    lines = [
        "| language | texts | relevance right | material F1 (gold mentions) "
        "| incident type right |",
        "| --- | --- | --- | --- | --- |",
    ]
    for language in sorted(after, key=lambda lang: (lang == "all", lang)):
        old, new = before[language], after[language]
        material = (
            f"{old.material_f1:.2f} → {new.material_f1:.2f} ({new.material_gold})"
            if new.material_gold
            else "— (0)"
        )
        name = "**all**" if language == "all" else language
        lines.append(
            f"| {name} | {new.texts} | {old.relevance} → {new.relevance} | {material} | "
            f"{old.incident_type} → {new.incident_type} |"
        )
    return "\n".join(lines)


def main() -> None:
    baseline = halves_of_baseline(BEFORE.read_text(encoding="utf-8"))
    for half, path in AFTER.items():
        print(f"\n{half} half, before → after:\n")
        print(table(parse(baseline[half]), parse(path.read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()
