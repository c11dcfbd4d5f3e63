"""Extraction throughput: raw spaCy NER vs the full Extractor on a realistic mix.

Run: PYTHONPATH=. .venv/bin/python benchmarks/bench_extraction.py [--docs 600] [--rounds 3]
The corpus repeats the gold texts (relevant and irrelevant) plus everyday news snippets so
that about 80 % of documents are irrelevant, as in a real feed. Prints figures only."""

from __future__ import annotations

import argparse
import json
import random
import resource
import time
from collections.abc import Sequence
from pathlib import Path
from statistics import median
from typing import Any

from flows.runtime import configure_runtime

GOLD_CANDIDATES = (
    Path("evaluation/gold.jsonl"),
    Path("tests/nlp/data/gold_sample.jsonl"),
)
EVERYDAY = (
    "The city council approved a new budget for road repairs on Tuesday after a long debate. "
    "The mayor said the works on the ring road would start in spring and last two years. "
    "Residents asked for more cycle lanes and better lighting near the schools.",
    "The home side won 3-1 in front of a sold-out stadium, with two goals in the second half. "
    "The coach praised the defence and said the team would rest key players next week.",
    "Heavy rain is expected across the north of the country over the weekend, forecasters "
    "said, with temperatures dropping below ten degrees and strong winds on the coast.",
    "Le conseil municipal a voté mardi le budget de la rénovation des écoles. Les travaux "
    "commenceront en juillet et dureront jusqu'à la rentrée, selon l'adjointe au maire.",
    "El ayuntamiento presentó el nuevo plan de transporte público con más autobuses "
    "nocturnos y carriles bici en el centro de la ciudad a partir del próximo año.",
    "أعلنت وزارة التربية عن مواعيد الامتحانات النهائية للعام الدراسي الجديد، وقالت إن "
    "النتائج ستصدر في نهاية الشهر المقبل بعد انتهاء عمليات التصحيح.",
)


def load_corpus(
    gold: Path, size: int, irrelevant_share: float, hard_share: float = 0.5
) -> list[tuple[str, bool]]:
    """`hard_share` of the irrelevant documents are the gold set's near misses (uranium
    prices, nuclear medicine...); the rest are everyday news without any RN term."""
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    relevant = [r["text"] for r in records if r["relevant"]]
    hard = [r["text"] for r in records if not r["relevant"]]
    rng = random.Random(7)
    n_irrelevant = round(size * irrelevant_share)
    corpus = [
        (rng.choice(hard if rng.random() < hard_share else EVERYDAY), False)
        for _ in range(n_irrelevant)
    ]
    corpus += [(rng.choice(relevant), True) for _ in range(size - n_irrelevant)]
    rng.shuffle(corpus)
    return corpus


def words(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


_SPACY: list[Any] = []


def bench_spacy(texts: Sequence[str]) -> float:
    if not _SPACY:
        import spacy

        from nlp.entities import MODEL

        exclude = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
        _SPACY.append(spacy.load(MODEL, exclude=exclude))
        list(_SPACY[0].pipe(texts[:20]))
    start = time.perf_counter()
    for _ in _SPACY[0].pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - start


def bench_extractor(texts: Sequence[str], batch_size: int) -> float:
    from nlp.types import InputDocument

    extractor = _extractor()
    docs = [InputDocument(id=str(i), text=t) for i, t in enumerate(texts)]
    start = time.perf_counter()
    for begin in range(0, len(docs), batch_size):
        extractor.extract_batch(docs[begin : begin + batch_size])
    return time.perf_counter() - start


_EXTRACTORS: list[object] = []


def _extractor() -> Any:
    from nlp.pipeline import Extractor
    from nlp.types import InputDocument

    if not _EXTRACTORS:
        extractor = Extractor()
        warm = [InputDocument("w1", "Thieves stole a Cs-137 source in Lyon, France."),
                InputDocument("w2", "Le vol d'une source de césium-137 à Lyon.")]  # fmt: skip
        extractor.extract_batch(warm)
        _EXTRACTORS.append(extractor)
    return _EXTRACTORS[0]


def prepare_flow() -> None:
    """A throw-away data folder (SQLite + local objects + Prefect ephemeral), warmed up."""
    import os
    import tempfile

    from flows.extract import extract_flow, get_extractor
    from nlp.types import InputDocument
    from storage.db import get_engine
    from storage.schema import create_schema

    os.environ["RADINTEL_DATA_DIR"] = tempfile.mkdtemp(prefix="radintel-bench-")
    os.environ.pop("RADINTEL_DATABASE_URL", None)
    create_schema(get_engine())
    get_extractor().extract_batch([InputDocument("w", "A Cs-137 gauge was stolen in Lyon.")])
    extract_flow(batch_size=64)  # empty run: starts Prefect's ephemeral server untimed


def bench_flow(texts: Sequence[str], batch_size: int, round_number: int) -> float:
    """The extract flow over stored documents: object-store reads, Prefect tasks, bulk writes."""
    import hashlib

    from flows.extract import extract_flow
    from storage.db import session_scope
    from storage.models import Document
    from storage.objectstore import get_object_store

    store = get_object_store()
    with session_scope() as session:
        for i, text in enumerate(texts):
            body = text.encode()
            unique = hashlib.sha256(body + f"{round_number}/{i}".encode()).hexdigest()
            session.add(Document(format="txt", sha256=unique, text_key=store.put(body)))
    start = time.perf_counter()
    extract_flow(batch_size=batch_size)
    return time.perf_counter() - start


def main() -> None:
    configure_runtime()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--irrelevant-share", type=float, default=0.8)
    parser.add_argument("--hard-negative-share", type=float, default=0.5)
    parser.add_argument("--gold", type=Path, default=None)
    args = parser.parse_args()
    gold = args.gold or next(p for p in GOLD_CANDIDATES if p.is_file())
    corpus = load_corpus(gold, args.docs, args.irrelevant_share, args.hard_negative_share)
    texts = [t for t, _ in corpus]
    total_words = words(texts)
    print(
        f"corpus: {len(texts)} docs, {total_words} words, "
        f"{sum(1 for _, r in corpus if not r) / len(corpus):.0%} irrelevant "
        f"({args.hard_negative_share:.0%} of them near misses from the gold set)"
    )
    print(f"gold file: {gold}")  # fmt: skip

    _extractor()
    prepare_flow()
    # Rounds interleave the three measurements, so a slower spell of the machine (a shared
    # VM) weighs on all of them alike; the ratios are those of the medians.
    rounds: list[tuple[float, float, float]] = []
    for number in range(args.rounds):
        spacy_s = bench_spacy(texts)
        full_s = bench_extractor(texts, args.batch_size)
        flow_s = bench_flow(texts, args.batch_size, number)
        rounds.append((spacy_s, full_s, flow_s))
        ratios = f"{spacy_s / full_s:.2f} / {spacy_s / flow_s:.2f}"
        print(f"round {number + 1}: raw spaCy {spacy_s:.2f} s, full {full_s:.2f} s, "
              f"flow {flow_s:.2f} s; ratios {ratios}")  # fmt: skip
    spacy_seconds, full_seconds, flow_seconds = (
        median(column) for column in zip(*rounds, strict=True)
    )
    spacy_rate = total_words / spacy_seconds
    print(f"median of {args.rounds} rounds:")
    print(f"raw spaCy nlp.pipe (NER only): {spacy_rate:,.0f} words/s ({spacy_seconds:.2f} s)")
    full_rate = total_words / full_seconds
    print(f"Extractor.extract_batch: {full_rate:,.0f} words/s, {len(texts) / full_seconds:,.1f} "
          f"docs/s ({full_seconds:.2f} s)")  # fmt: skip
    print(f"ratio full / raw spaCy: {full_rate / spacy_rate:.2f} (target >= 0.7)")
    flow_rate = total_words / flow_seconds
    print(f"extract flow with database writes: {flow_rate:,.0f} words/s, "
          f"{len(texts) / flow_seconds:,.1f} docs/s ({flow_seconds:.2f} s)")  # fmt: skip
    print(f"ratio flow / raw spaCy: {flow_rate / spacy_rate:.2f} (target >= 0.6)")

    for label, wanted in (("relevant", True), ("irrelevant", False)):
        subset = [t for t, r in corpus if r is wanted][:200]
        if not subset:
            continue
        seconds = bench_extractor(subset, args.batch_size)
        print(f"per-doc cost, {label} (gold label): {1000 * seconds / len(subset):.2f} ms "
              f"({words(subset) / len(subset):.0f} words/doc, {len(subset)} docs)")  # fmt: skip

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
