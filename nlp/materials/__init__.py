"""Rule layer for nuclear and radioactive materials, devices and their quantities."""

from nlp.materials.extract import (
    EXTRACTOR,
    Mentions,
    extract_materials,
    material_mentions,
    needs_parse,
    scan_materials,
)
from nlp.materials.patterns import DEFAULT_VERSION

__all__ = [
    "DEFAULT_VERSION",
    "EXTRACTOR",
    "Mentions",
    "extract_materials",
    "material_mentions",
    "needs_parse",
    "scan_materials",
]
