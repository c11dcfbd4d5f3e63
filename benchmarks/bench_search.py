"""Search latency at scale on PostgreSQL: first page of `storage.search.search` at 1,000,000
documents against the same queries at 10,000 documents, in the same run (target: 300 ms).

Each size gets a fresh database. Documents and their search entries are generated inside
PostgreSQL (INSERT ... SELECT over generate_series, no ORM): each document is about 60 words
drawn with a skewed (Zipf-like) distribution from the vocabulary of the demo and evaluation
texts of its language (English, French, Spanish, Arabic, Russian, each under its own text
search configuration), two person names of a thousand as name keys, an isotope in three
documents of ten, a country, a source, a date over ten years, one in ten marked TLP:AMBER.
Ten documents name "Олександр Коваленко" in Cyrillic. The GIN index is built after loading.

Queries (as TLP:GREEN reader, first page of 20, each run REPEATS times after one warm-up):
a common word, a less common word (about 1 % of the entries: near where the planner turns
from walking the recency index to reading every match), an uncommon word (about 0.3 %), a
rare name written in another script, an isotope in
another notation, and the common word filtered by country and a year. Prints how many
entries each query matches (filters aside), median and p95 per query and overall, and the
ratio of the large size to the small one. Then pages through the first 1,200 results of the
common word (60 pages of 20, across two boundaries of the ranking windows) and prints how
many distinct results came back and the median and p95 per page. Asserts nothing.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_search.py [--sizes 10000 1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import yaml
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from nlp.search_terms import (
    COUNTRY,
    IDENTIFIER,
    SOURCE,
    key,
    name_keys,
    name_tokens,
    parse_query,
)
from nlp.vocabulary import Tlp
from storage.db import engine_for
from storage.schema import create_schema
from storage.search import pg
from storage.search.query import SearchFilters, match_spec
from storage.search.search import search

ADMIN_URL = os.environ.get(
    "RADINTEL_BENCH_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 300.0
REPEATS = 15
SENTENCES = 20_000  # per language
LANGUAGES = {"en": "english", "fr": "french", "es": "spanish", "ar": "simple", "ru": "russian"}
ISOTOPES = ("Cs-137", "Co-60", "Ir-192", "Am-241", "Sr-90", "Ra-226", "Se-75", "Am-241/Be")
COUNTRIES = ("FR", "ES", "DE", "GE", "UA", "MA", "JO", "EG", "NL", "GB", "IT", "TR", "KZ", "BR")
RARE_NAME = "Олександр Коваленко"
RUSSIAN = (
    "полиция задержала подозреваемых в хищении радиоактивного источника цезий кобальт "
    "контейнер склад таможня граница расследование продажа урана металлолом обнаружен "
    "прибор излучение уровень специалисты изъяли незаконный оборот ядерных материалов"
)


def vocabulary() -> dict[str, list[str]]:
    """Words of the bundled texts per language, most frequent first."""
    counts: dict[str, Counter[str]] = {lang: Counter() for lang in LANGUAGES}
    for path in [*(ROOT / "demo/texts").glob("*.yaml")]:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in loaded.get("articles", []) if isinstance(loaded, dict) else loaded:
            if not isinstance(item, dict) or item.get("language") not in counts:
                continue
            words = re.findall(r"[^\W\d_]{3,}", str(item), re.UNICODE)
            counts[item["language"]].update(w.casefold() for w in words)
    for path in (ROOT / "evaluation").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("language") in counts:
                words = re.findall(r"[^\W\d_]{3,}", str(record.get("text", "")), re.UNICODE)
                counts[record["language"]].update(w.casefold() for w in words)
    counts["ru"].update(RUSSIAN.split())
    return {lang: [w for w, _ in c.most_common()] for lang, c in counts.items()}


def people() -> list[str]:
    data = yaml.safe_load((ROOT / "synthetic/templates.yaml").read_text(encoding="utf-8"))
    first = [p.split()[0] for p in data["people"]]
    last = [p.split()[-1] for p in data["people"]]
    return [f"{a} {b}{n or ''}" for n in range(40) for a in first for b in last][:1000]


def load(engine: Engine, size: int, words: dict[str, list[str]], names: list[str]) -> float:
    started = time.perf_counter()
    with engine.begin() as db:
        db.execute(text("DROP INDEX ix_search_entry_tsv"))
        db.execute(text("CREATE TABLE bench_vocab (slot int PRIMARY KEY, config text, n int)"))
        db.execute(text("CREATE TABLE bench_words (slot int, rank int, word text)"))
        for slot, (lang, config) in enumerate(LANGUAGES.items()):
            db.execute(
                text("INSERT INTO bench_vocab VALUES (:s, :c, :n)"),
                {"s": slot, "c": config, "n": len(words[lang])},
            )
            db.execute(
                text(
                    "INSERT INTO bench_words SELECT :s, r - 1, w"
                    " FROM unnest(CAST(:w AS text[])) WITH ORDINALITY AS u(w, r)"
                ),
                {"s": slot, "w": words[lang]},
            )
        db.execute(text("CREATE INDEX ON bench_words (slot, rank)"))
        db.execute(text("ANALYZE bench_words"))
        # Sentences of ten words drawn with a skewed (Zipf-like) distribution; a document is
        # six of them, picked by hashing its number: ten times fewer draws per document.
        db.execute(
            text(
                "CREATE TABLE bench_sentences AS SELECT v.slot, i, (SELECT string_agg(w.word, ' ')"
                " FROM (SELECT floor(power(random(), 2.5) * v.n + 0 * i)::int AS rank"
                " FROM generate_series(1, 10)) AS pick"
                " JOIN bench_words w ON w.slot = v.slot AND w.rank = pick.rank) AS sentence"
                " FROM bench_vocab v, generate_series(0, :pool - 1) i"
            ),
            {"pool": SENTENCES},
        )
        db.execute(text("CREATE INDEX ON bench_sentences (slot, i)"))
        db.execute(text("ANALYZE bench_sentences"))
        db.execute(text("CREATE TABLE bench_names (slot int PRIMARY KEY, keys text)"))
        db.execute(
            text("INSERT INTO bench_names VALUES (:s, :k)"),
            [{"s": i, "k": " ".join(sorted(name_keys([n])))} for i, n in enumerate(names)],
        )
        tokens = sorted({t for n in [*names, RARE_NAME] for t in name_tokens(n)})
        db.execute(text("INSERT INTO search_name_token VALUES (:t)"), [{"t": t} for t in tokens])
        db.execute(
            text(
                "INSERT INTO document (id, fetched_at, published_at, format, sha256, size_bytes,"
                " marking, reliability, credibility, status, priority, countries,"
                " assessment_evidence, text_key, source_id)"
                " SELECT g, now(), timestamptz '2016-01-01' + (g % 3650) * interval '1 day',"
                " 'txt', md5(g::text) || md5((g + 1)::text), 0,"
                " (CASE WHEN (g / 3) % 10 = 0 THEN 'AMBER' ELSE 'GREEN' END)::tlp, 'F', 6,"
                " 'EXTRACTED', 0, '[]', '[]', 'bench', NULL"
                " FROM generate_series(1, :n) g"
            ),
            {"n": size},
        )
        isotopes = [key(IDENTIFIER, i) for i in ISOTOPES]
        countries = [key(COUNTRY, c) for c in COUNTRIES]
        rare = " ".join(sorted(name_keys([RARE_NAME])))
        db.execute(
            text(
                "INSERT INTO search_entry (kind, entity_id, document_id, marking, title, body,"
                " config, keys, day, status, updated_at)"
                " SELECT 'document', g, g,"
                " (CASE WHEN (g / 3) % 10 = 0 THEN 'AMBER' ELSE 'GREEN' END)::tlp,"
                " t1.word || ' ' || t2.word,"
                " (SELECT string_agg(p.sentence, ' ') FROM generate_series(0, 5) k"
                "   JOIN bench_sentences p ON p.slot = v.slot"
                "   AND p.i = ((g + k) * 2654435761 + k * 40503) % :pool)"
                "   || CASE WHEN g % (:n / 10) = 7 THEN ' ' || :rare_text ELSE '' END,"
                " config,"
                " concat_ws(' ', n1.keys, n2.keys,"
                "   CASE WHEN g % 10 < 3 THEN (CAST(:isotopes AS text[]))[1 + g % :niso] END,"
                "   (CAST(:countries AS text[]))[1 + (g / 7) % :ncountries],"
                "   :source || (g % 50)::text,"
                "   CASE WHEN g % (:n / 10) = 7 THEN :rare_keys END),"
                " date '2016-01-01' + (g % 3650), 'extracted', now()"
                " FROM generate_series(1, :n) g"
                " JOIN bench_vocab v ON v.slot = g % 5"
                " JOIN bench_words t1 ON t1.slot = v.slot AND t1.rank = g % v.n"
                " JOIN bench_words t2 ON t2.slot = v.slot AND t2.rank = (g * 7) % v.n"
                " JOIN bench_names n1 ON n1.slot = (g::bigint * 7919) % 1000"
                " JOIN bench_names n2 ON n2.slot = (g::bigint * 104729 + 13) % 1000"
            ),
            {
                "n": size,
                "pool": SENTENCES,
                "rare_text": RARE_NAME,
                "rare_keys": rare,
                "isotopes": isotopes,
                "niso": len(isotopes),
                "countries": countries,
                "ncountries": len(countries),
                "source": SOURCE,
            },
        )
        db.execute(text("SET maintenance_work_mem = '512MB'"))
        db.execute(text("CREATE INDEX ix_search_entry_tsv ON search_entry USING gin (tsv)"))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as db:
        db.execute(text("VACUUM ANALYZE"))
    return time.perf_counter() - started


def queries(words: dict[str, list[str]]) -> dict[str, tuple[str, SearchFilters]]:
    long_words = [w for w in words["en"] if len(w) >= 6]
    common = long_words[3]
    # About 1 % of the entries: near where the planner turns from walking the recency index
    # to reading every match (storage.search.search), the slowest case of either plan.
    less_common = long_words[len(long_words) // 2]
    uncommon = long_words[len(long_words) * 3 // 4]  # about 0.3 %: every match is read
    year = SearchFilters(countries=("FR",), since=date(2024, 1, 1), until=date(2024, 12, 31))
    return {
        f"common word ({common})": (common, SearchFilters()),
        f"less common word ({less_common})": (less_common, SearchFilters()),
        f"uncommon word ({uncommon})": (uncommon, SearchFilters()),
        "rare name, other script (Oleksandr Kovalenko)": ("Oleksandr Kovalenko", SearchFilters()),
        "isotope (137Cs)": ("137Cs", SearchFilters()),
        f"{common}, FR, 2024": (common, year),
    }


def matches(session: Session, query: str) -> int:
    """How many entries the query matches, filters and clearance aside (outside the timing)."""
    spec = match_spec(session=session, terms=parse_query(query), filters=SearchFilters())
    tsquery = pg.tsquery(spec, pg.text_queries(session, spec.text))
    statement = text("SELECT count(*) FROM search_entry WHERE tsv @@ CAST(:q AS tsquery)")
    return int(session.execute(statement, {"q": tsquery}).scalar_one())


def measure(engine: Engine, cases: dict[str, tuple[str, SearchFilters]]) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    with Session(engine) as session:
        for label, (query, filters) in cases.items():
            print(f"  {label}: {matches(session, query):,} matching entries", flush=True)
            search(session=session, query=query, clearance=Tlp.GREEN, filters=filters)
            runs = []
            for _ in range(REPEATS):
                started = time.perf_counter()
                page = search(session=session, query=query, clearance=Tlp.GREEN, filters=filters)
                runs.append((time.perf_counter() - started) * 1000)
            times[label] = runs
            print(f"  {label}: {len(page.results)} results on the first page", flush=True)
    return times


PAGES = 60


def paging(engine: Engine, query: str) -> tuple[int, int, list[float]]:
    """Results and distinct results over PAGES cursor pages of 20, and each page's time."""
    seen: list[tuple[str, int]] = []
    times: list[float] = []
    cursor = None
    with Session(engine) as session:
        for _ in range(PAGES):
            started = time.perf_counter()
            page = search(session=session, query=query, clearance=Tlp.GREEN, cursor=cursor)
            times.append((time.perf_counter() - started) * 1000)
            seen.extend((result.kind, result.id) for result in page.results)
            cursor = page.next_cursor
            if cursor is None:
                break
    return len(seen), len(set(seen)), times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@contextmanager
def fresh_database() -> Iterator[str]:
    name = f"radintel_bench_search_{uuid.uuid4().hex[:8]}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as db:
        db.execute(text(f'CREATE DATABASE "{name}"'))
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        engine_for(url).dispose()
        with admin.connect() as db:
            db.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    args = parser.parse_args()
    words, names = vocabulary(), people()
    print("vocabulary:", {lang: len(w) for lang, w in words.items()}, flush=True)
    cases = queries(words)
    results: dict[int, dict[str, list[float]]] = {}
    pages: dict[int, tuple[int, int, list[float]]] = {}
    for size in args.sizes:
        with fresh_database() as url:
            engine = engine_for(url)
            create_schema(engine)
            print(
                f"{size:,} documents: loaded in {load(engine, size, words, names):.0f} s",
                flush=True,
            )
            results[size] = measure(engine, cases)
            pages[size] = paging(engine, next(iter(cases.values()))[0])
    print(f"\nfirst page of 20, ms (target {TARGET_MS:.0f} ms at 1,000,000 documents)")
    print("| query | " + " | ".join(f"{s:,} median / p95" for s in args.sizes) + " | ratio |")
    print("| --- | " + " | ".join("---" for _ in args.sizes) + " | --- |")
    small, large = args.sizes[0], args.sizes[-1]
    for label in cases:
        cells = [
            f"{statistics.median(results[s][label]):.0f} / {p95(results[s][label]):.0f}"
            for s in args.sizes
        ]
        ratio = statistics.median(results[large][label]) / statistics.median(results[small][label])
        print(f"| {label} | " + " | ".join(cells) + f" | {ratio:.1f} |")
    overall = {s: [t for runs in results[s].values() for t in runs] for s in args.sizes}
    cells = [f"{statistics.median(overall[s]):.0f} / {p95(overall[s]):.0f}" for s in args.sizes]
    ratio = statistics.median(overall[large]) / statistics.median(overall[small])
    print("| all queries | " + " | ".join(cells) + f" | {ratio:.1f} |")
    print(f"\nnext pages of the first query, {PAGES} pages of 20 at most")
    for size, (count, distinct, times) in pages.items():
        print(
            f"{size:,} documents: {count} results, {distinct} distinct, {len(times)} pages,"
            f" {statistics.median(times):.0f} / {p95(times):.0f} ms per page (median / p95)"
        )


if __name__ == "__main__":
    main()
