"""Export formats: one module per format declaring FORMAT, EXTENSION, MEDIA_TYPE, KINDS (what
it can export) and `write(records) -> bytes`; adding a format is adding a module to
FORMAT_MODULES (the pattern of nlp/formats)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from flows.exports import csv_format, json_format, misp, stix
from flows.exports.errors import ExportError
from nlp.vocabulary import ExportKind
from storage.exports import ExportSet

FORMAT_MODULES: tuple[ModuleType, ...] = (stix, misp, csv_format, json_format)


@dataclass(frozen=True)
class ExportFormat:
    name: str
    extension: str
    media_type: str
    kinds: frozenset[ExportKind]
    write: Callable[[ExportSet], bytes]


def _declared(module: ModuleType) -> ExportFormat:
    return ExportFormat(
        name=module.FORMAT,
        extension=module.EXTENSION,
        media_type=module.MEDIA_TYPE,
        kinds=frozenset(module.KINDS),
        write=module.write,
    )


FORMATS = {module.FORMAT: _declared(module) for module in FORMAT_MODULES}


def export_format(name: str, what: ExportKind) -> ExportFormat:
    """The format called `name`, when it can export `what`; ExportError says why not."""
    chosen = FORMATS.get(name)
    if chosen is None:
        raise ExportError(f"unknown export format {name!r} (choose {', '.join(FORMATS)})")
    if what not in chosen.kinds:
        able = ", ".join(sorted(f.name for f in FORMATS.values() if what in f.kinds))
        raise ExportError(f"{name} exports {', '.join(sorted(chosen.kinds))} only; use {able}")
    return chosen


__all__ = ["FORMATS", "ExportError", "ExportFormat", "export_format"]
