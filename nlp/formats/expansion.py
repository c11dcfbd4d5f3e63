"""How much one input file may expand into, nested attachments included.

An e-mail can carry e-mails that carry attachments, and compressed parts inflate; without a
bound one small file becomes thousands of documents. The caller keeps one budget per input
file and charges it as documents are produced; past a bound the whole file is refused, with
the bound named, rather than cut short without a trace."""

from __future__ import annotations

from dataclasses import dataclass

from nlp.input_limits import (
    MAX_ATTACHMENTS_PER_INPUT,
    MAX_CHARS_PER_INPUT,
    MAX_DOCUMENTS_PER_INPUT,
)
from nlp.types import ParseError


class ExpansionRefused(ParseError):
    """The input expands past a bound: refuse all of it, not just the part past the bound."""


@dataclass
class ExpansionBudget:
    max_documents: int = MAX_DOCUMENTS_PER_INPUT
    max_attachments: int = MAX_ATTACHMENTS_PER_INPUT
    max_chars: int = MAX_CHARS_PER_INPUT
    documents: int = 0
    attachments: int = 0
    chars: int = 0

    def charge(self, *, documents: int = 0, attachments: int = 0, chars: int = 0) -> None:
        self.documents += documents
        self.attachments += attachments
        self.chars += chars
        if self.documents > self.max_documents:
            raise ExpansionRefused(
                f"refused: expands into more than {self.max_documents} documents "
                "(the bound per input file)"
            )
        if self.attachments > self.max_attachments:
            raise ExpansionRefused(
                f"refused: more than {self.max_attachments} attachments, nested ones included "
                "(the bound per input file)"
            )
        if self.chars > self.max_chars:
            raise ExpansionRefused(
                f"refused: expands into more than {self.max_chars} characters of text "
                "(the bound per input file)"
            )
