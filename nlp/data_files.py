"""Reading the extractor's versioned data files (nlp/data, nlp/materials, nlp/linking).

With libyaml's C loader when PyYAML has it (the wheels do): the pure-Python loader took half
a second of every `radintel extract` start-up for the rule files alone. Same result, safe
loader either way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """The YAML document in the UTF-8 file at `path`."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
