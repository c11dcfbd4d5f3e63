"""Deterministic writers for demo and test samples: PDF, DOCX, zip bomb, e-mail, feeds."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from email.message import EmailMessage
from email.policy import default as default_policy
from xml.sax.saxutils import escape

import docx
from reportlab.lib import pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

FIXED_ZIP_TIME = (2025, 1, 1, 0, 0, 0)
FIXED_DOC_TIME = datetime(2025, 1, 1)


def pdf_bytes(
    title: str, paragraphs: tuple[str, ...] | list[str], password: str | None = None
) -> bytes:
    """A text PDF (reportlab, invariant so that the bytes never change between builds)."""
    buffer = io.BytesIO()
    encrypt = (
        pdfencrypt.StandardEncryption(password, "demo-owner", strength=128) if password else None
    )
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author="radintel demo", invariant=1, encrypt=encrypt
    )
    styles = getSampleStyleSheet()
    flowables: list[object] = [Paragraph(escape(title), styles["Title"])]
    for paragraph in paragraphs:
        flowables += [Paragraph(escape(paragraph), styles["BodyText"]), Spacer(1, 6)]
    document.build(flowables)
    return buffer.getvalue()


def image_only_pdf_bytes(title: str) -> bytes:
    """A 'scanned' page: shapes that look like text lines and a stamp, but no text layer."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    page.setTitle(title)
    page.setFillGray(0.2)
    for row in range(28):
        width = 420 - (row * 37) % 160
        page.rect(70, 760 - row * 22, width, 8, stroke=0, fill=1)
    page.setStrokeColorRGB(0.7, 0.1, 0.1)
    page.setLineWidth(3)
    page.circle(450, 140, 50)
    page.showPage()
    page.save()
    return buffer.getvalue()


def _normalised_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps and member order (python-docx stamps 'now')."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info))
    return output.getvalue()


def docx_bytes(
    title: str,
    paragraphs: tuple[str, ...] | list[str],
    table: tuple[tuple[str, ...], ...] = (),
    closing: tuple[str, ...] | list[str] = (),
) -> bytes:
    document = docx.Document()
    properties = document.core_properties
    properties.title, properties.author = title, "radintel demo"
    properties.created = properties.modified = properties.last_printed = FIXED_DOC_TIME
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    for paragraph in closing:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalised_zip(buffer.getvalue())


def zip_bomb_docx_bytes(inflated_bytes: int = 50 * 1024 * 1024) -> bytes:
    """A 'DOCX' whose word/document.xml inflates to `inflated_bytes` of zeros."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
        archive.writestr(zipfile.ZipInfo("[Content_Types].xml", FIXED_ZIP_TIME), types)
        member = zipfile.ZipInfo("word/document.xml", FIXED_ZIP_TIME)
        member.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(member, "w", force_zip64=True) as stream:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(inflated_bytes // len(chunk)):
                stream.write(chunk)
    return output.getvalue()


def email_bytes(
    subject: str,
    sender: str,
    date: str,
    body: str,
    *,
    message_id: str,
    html: str | None = None,
    attachment: tuple[str, str, bytes] | None = None,
) -> bytes:
    """A UTF-8 message; text or HTML body, optionally one attachment (name, mime, bytes)."""
    message = EmailMessage(policy=default_policy)
    message["Subject"], message["From"] = subject, sender
    message["To"] = "RN desk <rn.desk.demo@demo.radintel.invalid>"
    message["Date"], message["Message-ID"] = date, message_id
    if html is not None:
        message.set_content(html, subtype="html")
    else:
        message.set_content(body)
    if attachment is not None:
        name, mime, data = attachment
        maintype, subtype = mime.split("/", 1)
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
        message.set_boundary("=====radintel-demo-boundary=====")
    return message.as_bytes()


def raw_email_bytes(
    subject: str, sender: str, date: str, body: bytes, *, message_id: str, charset: str | None
) -> bytes:
    """A single-part message with an 8-bit body in whatever encoding, declared or not."""
    message = EmailMessage(policy=default_policy)
    message["Subject"], message["From"] = subject, sender
    message["To"] = "RN desk <rn.desk.demo@demo.radintel.invalid>"
    message["Date"], message["Message-ID"] = date, message_id
    content_type = "text/plain" + (f"; charset={charset}" if charset else "")
    headers = bytes(message).split(b"\n\n", 1)[0]
    extra = f"MIME-Version: 1.0\nContent-Type: {content_type}\nContent-Transfer-Encoding: 8bit\n"
    return headers + b"\n" + extra.encode("ascii") + b"\n" + body
