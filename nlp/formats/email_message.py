"""E-mail messages (.eml, RFC 5322): headers, a text body, attachments as child documents."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from typing import Any

from nlp.formats.expansion import ExpansionRefused
from nlp.formats.textutil import clean_text, decode_text, html_to_text
from nlp.types import Attachment, ParsedDocument, ParseError

FORMAT = "eml"
MIME_TYPES = ("message/rfc822",)
EXTENSIONS = (".eml",)
# Past these the message is refused whole (never cut short): the caller records the reason.
MAX_ATTACHMENTS = 50
MAX_PARTS = 500
FILENAME_MAX_CHARS = 120
_UNSAFE_NAME = re.compile(r"[^\w.\- ()\[\]+,@=]", re.UNICODE)


def safe_filename(name: str | None, index: int) -> str:
    """A basename without directories, control characters or leading dots."""
    base = re.split(r"[\\/]", clean_text(name or ""))[-1]
    base = _UNSAFE_NAME.sub("_", base).strip(" .")
    return base[-FILENAME_MAX_CHARS:] or f"attachment-{index}"


def _header(message: Message, name: str) -> str | None:
    try:
        value = message.get(name)
    except Exception:  # a malformed header costs its value, not the message
        return None
    if value is None:
        return None
    return clean_text(str(value)) or None


def _date(message: Message) -> datetime | None:
    raw = _header(message, "Date")
    if not raw:
        return None
    try:
        parsed = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _payload_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    try:
        charset = part.get_content_charset()
    except Exception:  # the email package's header parser fails in many ways; guess instead
        charset = None
    text = decode_text(payload, charset)
    return html_to_text(text) if part.get_content_type() == "text/html" else clean_text(text)


def _is_attachment(part: Message) -> bool:
    try:
        return part.get_filename() is not None or part.get_content_disposition() == "attachment"
    except Exception:  # a malformed Content-Disposition costs the attachment flag only
        return False


def _split_parts(message: Message) -> tuple[list[Message], list[Message]]:
    bodies: list[Message] = []
    attachments: list[Message] = []
    for index, part in enumerate(message.walk()):
        if index >= MAX_PARTS:
            raise ExpansionRefused(f"refused: an e-mail of more than {MAX_PARTS} MIME parts")
        if part.is_multipart():
            continue
        if _is_attachment(part):
            attachments.append(part)
        elif part.get_content_maintype() == "text":
            bodies.append(part)
    return bodies, attachments


def _body(bodies: list[Message]) -> str:
    plain = [part for part in bodies if part.get_content_type() == "text/plain"]
    html = [part for part in bodies if part.get_content_type() == "text/html"]
    chosen = plain or html or bodies
    return clean_text("\n\n".join(_payload_text(part) for part in chosen))


def _attachment(part: Message, index: int) -> Attachment:
    payload = part.get_payload(decode=True)
    return Attachment(
        filename=safe_filename(part.get_filename(), index),
        content_type=part.get_content_type(),
        data=payload if isinstance(payload, bytes) else b"",
    )


def parse(data: bytes, *, filename: str | None, content_type: str | None) -> list[ParsedDocument]:
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
        bodies, attachment_parts = _split_parts(message)
        if len(attachment_parts) > MAX_ATTACHMENTS:
            raise ExpansionRefused(
                f"refused: {len(attachment_parts)} attachments in one e-mail "
                f"(the bound is {MAX_ATTACHMENTS})"
            )
        text = _body(bodies)
        attachments = [
            _attachment(part, index) for index, part in enumerate(attachment_parts, start=1)
        ]
    except ParseError:
        raise
    except Exception as error:  # the email package is lenient; what still fails is unreadable
        raise ParseError(f"unreadable e-mail: {error}") from error
    metadata: dict[str, Any] = {
        key.lower(): value
        for key in ("From", "To", "Cc", "Date", "Message-ID")
        if (value := _header(message, key))
    }
    return [
        ParsedDocument(
            text=text,
            format=FORMAT,
            title=_header(message, "Subject"),
            published_at=_date(message),
            external_id=metadata.get("message-id"),
            metadata=metadata,
            attachments=attachments,
        )
    ]
