"""Untrusted text inside Markdown, shared by the Markdown edition of an assessment and the
sections a notice draft is pre-filled with.

Every character by which Markdown, GFM tables or HTML could read text as markup is
backslash-escaped and line breaks become spaces, so a title cannot open a link, an image, an
HTML tag or emphasis, nor break a table row.
"""

from __future__ import annotations

import re

# Emphasis, code, links and images, tables, HTML tags and entities, strikethrough, and the
# colon of GFM's bare autolinks ("http://...").
_SPECIAL = re.compile(r"([\\`*_\[\]|<>&~:])")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


def escape(value: object) -> str:
    """Document text as inert Markdown on one line."""
    return _SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", str(value)))
