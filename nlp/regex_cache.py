"""Compiled regular expressions kept between processes, for the few that take seconds.

spaCy's French language data builds its tokenizer's `token_match` when imported: one
expression of 1.4 MB (about 150 alternatives, each with character classes spelling out
Unicode's lower-case letters). CPython compiles it in about 2 s, in every process that meets
a French document, and cannot keep the result: a pickled pattern is its source, compiled
again when read. Within `programs_from_cache()`, compiling a pattern of more than
LONG_PATTERN_CHARS stores the compiler's output (the `_sre` program) in the nlp cache and
later builds the pattern from it in milliseconds.

This uses CPython's private compiler modules (`re._parser`, `re._compiler`, `_sre`), as
`re.compile` does: the cache key holds the interpreter's version and the regex engine's
magic number, so another Python never reads a program it did not write; `_sre.compile`
validates a program before running it; and CPython's `Pattern.__eq__` compares programs,
so the tests hold that a pattern built from the cache equals a fresh compilation."""

from __future__ import annotations

import _sre
import logging
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from nlp import cache

log = logging.getLogger(__name__)
LONG_PATTERN_CHARS = 100_000  # shorter patterns compile in milliseconds: not worth a file

# What `_sre.compile` takes besides the source: flags, program, group count, group names.
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


@contextmanager
def programs_from_cache() -> Iterator[None]:
    """Within the block, long patterns compiled by `re` come from the nlp cache. Meant for a
    single-threaded load (a model's import): the compiler is swapped process-wide."""
    original = _compiler.compile

    def compile_cached(pattern: Any, flags: int = 0) -> re.Pattern[Any]:
        if not isinstance(pattern, str) or len(pattern) < LONG_PATTERN_CHARS:
            return original(pattern, flags)
        return compile_from_cache(pattern, flags)

    _compiler.compile = compile_cached
    try:
        yield
    finally:
        _compiler.compile = original


def compile_from_cache(pattern: str, flags: int) -> re.Pattern[str]:
    """The compiled pattern, its program read from the nlp cache (or compiled and stored)."""
    # One cache name per pattern: the cache keeps one file per name, the newest key's.
    name = f"regex-{cache.digest([pattern])[:16]}"
    key = cache.digest([sys.version, str(_sre.MAGIC), str(_sre.CODESIZE), str(flags), pattern])
    final_flags, code, groups, group_index, index_group = cache.cached(
        name, key, lambda: _program(pattern, flags)
    )
    try:
        compiled: re.Pattern[str] = _sre.compile(
            pattern, final_flags, code, groups, group_index, index_group
        )
    except (RuntimeError, TypeError, ValueError) as error:  # a damaged or foreign program
        log.warning("cached regular expression program rejected (%s): compiling it", error)
        compiled = _sre.compile(pattern, *_program(pattern, flags))
    return compiled


def _program(pattern: str, flags: int) -> Program:
    """What `re._compiler.compile` passes to `_sre.compile`, computed the same way."""
    parsed = _parser.parse(pattern, flags)
    # Plain ints: the compiler emits named int constants for its opcodes, which do not pickle.
    code = [int(word) for word in _compiler._code(parsed, flags)]
    group_index = dict(parsed.state.groupdict)
    index_group: list[str | None] = [None] * parsed.state.groups
    for name, index in group_index.items():
        index_group[index] = name
    return (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        group_index,
        tuple(index_group),
    )
