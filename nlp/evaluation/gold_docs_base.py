"""One hand-written gold document: doc-level labels next to its marked-up text.

The text uses inline markup, resolved by `nlp.evaluation.build_gold`:
`[[surface|LABEL]]`, `[[surface|LABEL|normalized]]` or
`[[surface|LABEL|normalized|{"json": "attributes"}]]`. Line breaks inside a paragraph become
single spaces; a blank line separates paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GoldSource:
    id: str
    text: str
    relevant: bool
    incident_type: str = "none"
    intent_group: str | None = None
    countries: tuple[str, ...] = ()
    incident_date: str | None = None

    @property
    def language(self) -> str:
        return self.id.split("-")[1]


def irrelevant(id: str, text: str) -> GoldSource:
    """A document outside the RN-incident scope: no incident type, intent or countries."""
    return GoldSource(id=id, text=text, relevant=False)
