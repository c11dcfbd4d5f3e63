"""Bureau submissions in JSON: one object, or a list of objects (see bureau_submission.schema)."""

from __future__ import annotations

import json
from typing import Any

from nlp.formats import submission
from nlp.formats.textutil import guess_decode
from nlp.types import ParsedDocument, ParseError

FORMAT = "json"
MIME_TYPES = ("application/json", "text/json")
EXTENSIONS = (".json",)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def load_json(data: bytes) -> Any:
    """Parsed JSON (NaN and Infinity refused: they are not JSON and not storable)."""
    text = guess_decode(data)
    if text is None:
        raise ParseError("invalid JSON: binary data")
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as error:
        raise ParseError(f"invalid JSON: {error}") from error


def parse(data: bytes, *, filename: str | None, content_type: str | None) -> list[ParsedDocument]:
    loaded = load_json(data)
    if isinstance(loaded, dict):
        return submission.documents([(1, loaded)], FORMAT, label="submission")
    if isinstance(loaded, list):
        if len(loaded) > submission.MAX_SUBMISSIONS:
            raise ParseError(f"too many submissions: {len(loaded)}")
        return submission.documents(enumerate(loaded, start=1), FORMAT, label="item")
    raise ParseError("invalid bureau submission: expected a JSON object or a list of objects")
