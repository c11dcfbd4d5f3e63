"""Extraction of a JSONL file on several cores (`radintel extract --input --workers N`).

One process per worker, started with 'spawn': torch and spaCy start threads, and forking a
process that has threads can deadlock the child. Each worker builds its own Extractor once
(its initializer) and turns a batch of documents into output lines, so the parent imports
no model library and only reads, dispatches and writes, in input order."""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from nlp.pipeline import Extractor
    from nlp.types import InputDocument

# Beyond this the default stops adding workers: each holds its own models (about 0.9 GB of
# resident memory on the benchmark), and the parent's reading and writing stays cheap.
MAX_DEFAULT_WORKERS = 4
# Batches queued or running per worker. Results are written in input order, so a slow batch
# (many relevant documents) holds back the ones after it: with only two per worker the other
# workers ran dry behind it. Four batches of documents are still a few hundred kB.
BATCHES_PER_WORKER = 4

Tag = TypeVar("Tag")
Item = TypeVar("Item")
Result = TypeVar("Result")


def default_workers() -> int:
    """The CPUs this process may run on (its affinity, not the machine's count), capped."""
    return max(1, min(len(os.sched_getaffinity(0)), MAX_DEFAULT_WORKERS))


class WorkerFailed(Exception):
    """A worker raised, died, or could not start; `tag` is the job it was given, if known."""

    def __init__(self, message: str, tag: object = None) -> None:
        super().__init__(message)
        self.tag = tag


class OrderedPool(Generic[Tag, Item, Result]):
    """`work(item)` on `workers` spawned processes; results come back in submission order,
    with at most `workers * BATCHES_PER_WORKER` jobs queued or running at a time."""

    def __init__(
        self,
        work: Callable[[Item], Result],
        *,
        workers: int,
        initializer: Callable[[], None],
    ) -> None:
        self.work = work
        self.workers = workers
        self.initializer = initializer

    def map(self, jobs: Iterable[tuple[Tag, Item]]) -> Iterator[tuple[Tag, Result]]:
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=self.initializer)
        pending: deque[tuple[Tag, Future[Result]]] = deque()
        limit = self.workers * BATCHES_PER_WORKER
        try:
            for tag, item in jobs:
                pending.append((tag, pool.submit(self.work, item)))
                if len(pending) >= limit:
                    yield _collect(*pending.popleft())
            while pending:
                yield _collect(*pending.popleft())
        finally:
            # On an error (or the consumer stopping early) the queued jobs are dropped and
            # the running ones finish; a dead worker has already taken the pool down.
            pool.shutdown(wait=True, cancel_futures=True)


def _collect(tag: Tag, future: Future[Result]) -> tuple[Tag, Result]:
    try:
        return tag, future.result()
    except BrokenProcessPool as error:  # a worker died (killed, out of memory) or its start failed
        raise WorkerFailed(f"an extraction worker stopped: {error}", tag) from error
    except Exception as error:  # raised by the work in the worker, pickled back
        raise WorkerFailed(f"{type(error).__name__}: {error}", tag) from error


# --- in the workers -----------------------------------------------------------------------

_EXTRACTOR: list[Extractor] = []


def start_extractor() -> None:
    """A worker's initializer: one Extractor, its spaCy model loaded before the first batch.
    Torch gets one thread: the workers already use the cores, more threads would compete."""
    from nlp.pipeline import Extractor
    from nlp.settings import get_nlp_settings

    settings = get_nlp_settings().model_copy(update={"torch_threads": 1})
    extractor = Extractor(settings)
    extractor.nlp  # noqa: B018 (loads the model now, so a broken install fails at start)
    _EXTRACTOR.append(extractor)
    atexit.register(_exit_at_once)


def _exit_at_once() -> None:
    """A spawned worker ends with sys.exit, and the interpreter then tears down its models
    object by object: half a second after the last batch, which the command waits for. The
    worker has nothing left to keep (its results went back through the pool's queue)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def extract_lines(batch: Sequence[InputDocument]) -> list[str]:
    """A batch's output lines, computed in a worker started by `start_extractor`."""
    return result_lines(_EXTRACTOR[0], batch)


def result_lines(extractor: Extractor, batch: Sequence[InputDocument]) -> list[str]:
    """The JSONL lines of a batch's results: the one formatting of both the single-process
    path and the workers, so their output files are identical byte for byte."""
    import json

    from nlp.records import result_record

    results = extractor.extract_batch(batch) if batch else []
    return [json.dumps(result_record(r), ensure_ascii=False) + "\n" for r in results]
