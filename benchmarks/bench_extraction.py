"""Extraction speed against raw spaCy, measured in one run.

Run: PYTHONPATH=. .venv/bin/python benchmarks/bench_extraction.py [--docs 600] [--rounds 3]
1. Start-up: `radintel extract` on one document vs a script that loads the same spaCy model
   and runs it on that document, both whole processes (median of --startup-reps, interleaved).
2. Throughput: `radintel extract` over a --process-docs corpus, with its default workers and
   with one, vs raw spaCy NER (nlp.pipe) over the same texts, whole process against whole
   process, with nlp.pipe at n_process=2 too.
3. In-process rounds: raw spaCy vs Extractor.extract_batch vs the extract flow (models loaded).
The corpus repeats the gold texts (relevant and irrelevant) plus everyday news snippets so
that about 80 % of documents are irrelevant, as in a real feed. Prints figures only."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import astuple, dataclass
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


def first_relevant(gold: Path) -> str:
    """The start-up document: the gold set's first relevant one (an English news report)."""
    lines = gold.read_text(encoding="utf-8").splitlines()
    return next(r["text"] for r in map(json.loads, filter(None, lines)) if r["relevant"])


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


RADINTEL = "import sys; from flows.cli import main; sys.argv[0] = 'radintel'; main()"
RAW_SPACY = """import json, sys
import spacy
from nlp.entities import MODEL
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
if len(texts) == 1:  # start-up: the model as shipped, on one document
    docs = [spacy.load(MODEL)(texts[0])]
else:  # throughput: NER only, in batches
    exclude = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    nlp = spacy.load(MODEL, exclude=exclude)
    docs = list(nlp.pipe(texts, batch_size=64, n_process=int(sys.argv[2])))
print(sum(len(doc.ents) for doc in docs))
"""


@dataclass(frozen=True)
class ProcessRun:
    wall: float  # seconds
    cpu: float  # user + system seconds: steadier than wall time on a shared machine
    # The largest maximum resident set among the process and the children it waited for
    # (wait4's ru_maxrss is a maximum over the tree, not a sum).
    peak_mb: float
    # The peak of the sum of resident sets over the process and all its descendants, sampled
    # every SAMPLE_SECONDS: what the run takes from the machine's memory with its workers.
    tree_peak_mb: float


SAMPLE_SECONDS = 0.05


class TreeMemory(threading.Thread):
    """Samples the summed resident set of a process and its descendants until told to stop."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self.done.wait(SAMPLE_SECONDS):
            total = 0
            try:
                processes = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for process in processes:
                # A worker may end between listing and reading it.
                with contextlib.suppress(psutil.NoSuchProcess):
                    total += process.memory_info().rss
            self.peak = max(self.peak, total)


def run_process(command: list[str], env: dict[str, str] | None = None) -> ProcessRun:
    """One whole process, timed from spawn to exit, with its resource usage (wait4: its own
    and that of the children it waited for, such as its workers)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    memory = TreeMemory(process.pid)
    memory.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    memory.done.set()
    memory.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command[:3]} failed with exit code {process.returncode}")
    cpu = usage.ru_utime + usage.ru_stime
    return ProcessRun(wall, cpu, usage.ru_maxrss / 1024, memory.peak / 1024 / 1024)


def radintel_extract(
    corpus: Path, env: dict[str, str] | None = None, workers: int | None = None
) -> ProcessRun:
    """`workers` None: the command's default (RADINTEL_EXTRACT_WORKERS, else the CPUs)."""
    output = corpus.with_suffix(".out.jsonl")
    command = [sys.executable, "-c", RADINTEL, "extract", "--input", str(corpus)]
    extra = [] if workers is None else ["--workers", str(workers)]
    return run_process([*command, "--output", str(output), *extra], env)


def raw_spacy(corpus: Path, n_process: int = 1) -> ProcessRun:
    return run_process([sys.executable, "-c", RAW_SPACY, str(corpus), str(n_process)])


def write_corpus(path: Path, texts: Sequence[str]) -> Path:
    lines = (json.dumps({"id": str(i), "text": t}, ensure_ascii=False) for i, t in enumerate(texts))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def median_run(runs: Sequence[ProcessRun]) -> ProcessRun:
    rows = [astuple(run) for run in runs]
    return ProcessRun(*(median(column) for column in zip(*rows, strict=True)))


def show(label: str, run: ProcessRun) -> None:
    print(f"  {label}: {run.wall:.2f} s wall, {run.cpu:.2f} s CPU, peak {run.peak_mb:,.0f} MB "
          f"largest process, {run.tree_peak_mb:,.0f} MB all processes")  # fmt: skip


def bench_startup(text: str, repetitions: int, folder: Path) -> None:
    """`radintel extract` on one document vs raw spaCy on it; the first radintel run has an
    empty nlp.cache (what a fresh install pays once), the timed ones a warm one."""
    corpus = write_corpus(folder / "one.jsonl", [text])
    cold = radintel_extract(corpus, {**os.environ, "RADINTEL_CACHE_DIR": str(folder / "cache")})
    raw_spacy(corpus)  # untimed: both read their files into the page cache
    pairs = [(raw_spacy(corpus), radintel_extract(corpus)) for _ in range(repetitions)]
    raw, ours = (median_run(column) for column in zip(*pairs, strict=True))
    print(f"start-up, one document ({len(text.split())} words), median of {repetitions}:")
    show("raw spaCy (import, load, run)", raw)
    show("radintel extract", ours)
    show("radintel extract, first run (empty nlp cache)", cold)
    print(f"  ratio radintel / raw spaCy: {ours.wall / raw.wall:.2f} wall, "
          f"{ours.cpu / raw.cpu:.2f} CPU (target <= 1.5)")  # fmt: skip


def bench_processes(texts: Sequence[str], repetitions: int, folder: Path) -> None:
    """Whole process against whole process over the same corpus."""
    corpus = write_corpus(folder / "corpus.jsonl", texts)
    from flows.settings import get_flow_settings

    workers = get_flow_settings().extract_workers
    load_before = os.getloadavg()
    rounds = [
        (
            raw_spacy(corpus),
            raw_spacy(corpus, n_process=2),
            radintel_extract(corpus),
            radintel_extract(corpus, workers=1),
        )
        for _ in range(repetitions)
    ]
    load_after = os.getloadavg()
    raw, raw_two, ours, single = (median_run(column) for column in zip(*rounds, strict=True))
    print(f"whole process, {len(texts)} documents, {words(texts)} words, median of {repetitions}:")
    show("raw spaCy NER, nlp.pipe n_process=1", raw)
    show("raw spaCy NER, nlp.pipe n_process=2", raw_two)
    show(f"radintel extract, default workers ({workers})", ours)
    show("radintel extract --workers 1", single)
    print(f"  throughput ratio radintel ({workers} workers) / raw spaCy (n_process=1): "
          f"{raw.wall / ours.wall:.2f} wall, {raw.cpu / ours.cpu:.2f} CPU "
          "(target >= 0.8)")  # fmt: skip
    print(f"  throughput ratio radintel (1 worker) / raw spaCy (n_process=1): "
          f"{raw.wall / single.wall:.2f} wall, {raw.cpu / single.cpu:.2f} CPU")  # fmt: skip
    print(f"  radintel {workers} workers / 1 worker throughput: {single.wall / ours.wall:.2f} wall")
    print(f"  n_process=2 / n_process=1 throughput: {raw.wall / raw_two.wall:.2f} wall")
    print(f"  load average (1, 5, 15 min) before: {_load(load_before)}, after: {_load(load_after)}")


def _load(averages: tuple[float, float, float]) -> str:
    return ", ".join(f"{value:.1f}" for value in averages)


def main() -> None:
    configure_runtime()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--irrelevant-share", type=float, default=0.8)
    parser.add_argument("--hard-negative-share", type=float, default=0.5)
    parser.add_argument("--gold", type=Path, default=None)
    parser.add_argument("--startup-reps", type=int, default=5)
    parser.add_argument("--process-docs", type=int, default=1000)
    parser.add_argument("--process-reps", type=int, default=3)
    parser.add_argument("--skip-in-process", action="store_true", help="parts 1 and 2 only")
    args = parser.parse_args()
    gold = args.gold or next(p for p in GOLD_CANDIDATES if p.is_file())
    with tempfile.TemporaryDirectory(prefix="radintel-bench-") as folder:
        bench_startup(first_relevant(gold), args.startup_reps, Path(folder))
        mix = load_corpus(gold, args.process_docs, args.irrelevant_share, args.hard_negative_share)
        bench_processes([t for t, _ in mix], args.process_reps, Path(folder))
    if args.skip_in_process:
        return
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
