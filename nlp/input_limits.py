"""How much one input file may expand into (enforced by nlp.formats.expansion). Apart from
the formats package so that settings can name the defaults without importing every parser
(PDF, DOCX, HTML: a seventh of a second of every command's start-up)."""

from __future__ import annotations

# A bulk bureau submission (nlp.formats.submission.MAX_SUBMISSIONS rows) is the largest
# legitimate expansion of one file into documents.
MAX_DOCUMENTS_PER_INPUT = 10_000
MAX_ATTACHMENTS_PER_INPUT = 200
# As many characters as the largest accepted input has bytes: more text than that can only
# come from decompression (DOCX and PDF streams) or from attachments multiplying.
MAX_CHARS_PER_INPUT = 64 * 1024 * 1024
