from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from demo.builders import email_bytes, raw_email_bytes
from nlp.formats import email_message, parse_bytes
from tests.nlp.formats import samples

LATIN1_FR = (
    "Le 17 avril, la police a arrêté à Bruxelles deux hommes qui proposaient un flacon "
    "d'« osmium de qualité militaire ». C'était du plomb. " + samples.SYNTHETIC
)
ARABIC = samples.AR_TEXT


def _raw(body: bytes, charset: str | None) -> bytes:
    return raw_email_bytes(
        "Objet",
        "Bureau <b@demo.radintel.invalid>",
        "Tue, 22 Apr 2025 16:03:00 +0200",
        body,
        message_id="<raw@demo.radintel.invalid>",
        charset=charset,
    )


def test_headers_and_plain_body() -> None:
    (document,) = parse_bytes(samples.eml_sample(), filename="m.eml")
    assert document.format == "eml"
    assert document.title == "Robo de cámara de gammagrafía"
    assert document.metadata["from"] == "Oficina demo <demo@demo.radintel.invalid>"
    assert document.external_id == "<sample@demo.radintel.invalid>"
    assert document.published_at == datetime(
        2025, 4, 14, 9, 12, tzinfo=timezone(timedelta(hours=-3))
    )
    assert "Levante Inspecciones" in document.text
    assert document.language == "es"


def test_latin1_body_declared_as_utf8() -> None:
    (document,) = email_message.parse(
        _raw(LATIN1_FR.encode("latin-1"), "utf-8"), filename=None, content_type=None
    )
    assert "arrêté à Bruxelles" in document.text
    assert "« osmium de qualité militaire »" in document.text


@pytest.mark.parametrize("declared", ["windows-1256", None, "iso-8859-1", "no-such-charset"])
def test_windows_1256_arabic_declared_right_wrong_or_not_at_all(declared: str | None) -> None:
    (document,) = email_message.parse(
        _raw(ARABIC.encode("cp1256"), declared), filename=None, content_type=None
    )
    assert "استعادت الشرطة في عمّان" in document.text


def test_correct_latin1_declaration_is_respected() -> None:
    (document,) = email_message.parse(
        _raw(LATIN1_FR.encode("latin-1"), "iso-8859-1"), filename=None, content_type=None
    )
    assert "arrêté à Bruxelles" in document.text


def test_pdf_attachment_is_returned_with_a_safe_name() -> None:
    pdf = samples.pdf_sample()
    data = samples.eml_sample(attachment=("../../etc/Rapport final.pdf", "application/pdf", pdf))
    (document,) = parse_bytes(data, filename="m.eml")
    (attachment,) = document.attachments
    assert attachment.filename == "Rapport final.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.data == pdf
    assert "Rapport final" not in document.text
    (child,) = parse_bytes(attachment.data, filename=attachment.filename)
    assert "Calder Haulage" in child.text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("..\\..\\windows\\evil.exe", "evil.exe"),
        ("/etc/passwd", "passwd"),
        ("...", "attachment-3"),
        (None, "attachment-3"),
        ("a\x00b<script>.pdf", "ab_script_.pdf"),
    ],
)
def test_safe_filename(name: str | None, expected: str) -> None:
    assert email_message.safe_filename(name, 3) == expected


def test_html_only_body_is_reduced_to_text() -> None:
    html = f"<html><body><script>bad()</script><p>{samples.FR_TEXT}</p></body></html>"
    data = email_bytes(
        "Note",
        "a@demo.radintel.invalid",
        "Wed, 28 May 2025 08:20:00 +0200",
        "",
        message_id="<h@demo.radintel.invalid>",
        html=html,
    )
    (document,) = email_message.parse(data, filename=None, content_type=None)
    assert document.text == samples.FR_TEXT


def test_garbage_headers_never_crash() -> None:
    data = (
        b"From: \xff\xfe broken <<>>\nSubject: =?utf-8?q?=E9=?=\nDate: yesterday-ish\n"
        b'Content-Type: text/plain; charset="\xff"\n\nbody \xe9\xe8 text\n'
    )
    (document,) = email_message.parse(data, filename=None, content_type=None)
    assert document.published_at is None
    assert "body" in document.text
    document.text.encode("utf-8")
    (document.title or "").encode("utf-8")
