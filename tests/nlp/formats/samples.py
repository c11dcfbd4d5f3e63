"""Factories for small valid samples of every format (synthetic text, fictional names)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from pypdf import PdfReader, PdfWriter

from demo.builders import docx_bytes, email_bytes, image_only_pdf_bytes, pdf_bytes

SYNTHETIC = "Synthetic document written for the radintel demo."
EN_TEXT = (
    "Police in Leeds recovered a stolen moisture density gauge containing a caesium-137 "
    "source from a garage rented by the fictional firm Calder Haulage. " + SYNTHETIC
)
FR_TEXT = (
    "Les gendarmes ont retrouvé à Rennes une jauge nucléaire volée contenant une source de "
    "césium 137 appartenant à la société fictive Armor Sondages. " + SYNTHETIC
)
ES_TEXT = (
    "La policía de Valencia recuperó una cámara de gammagrafía robada con una fuente de "
    "iridio-192 de la empresa ficticia Levante Inspecciones. " + SYNTHETIC
)
AR_TEXT = (
    "استعادت الشرطة في عمّان جهاز قياس الرطوبة والكثافة المسروق الذي يحتوي على مصدر سيزيوم-137 "
    "ويعود لشركة وهمية تدعى البادية للمساحة. " + SYNTHETIC
)


def pdf_sample(text: str = EN_TEXT) -> bytes:
    return pdf_bytes("Liaison report", [text])


def encrypted_pdf_sample(password: str = "s3cret") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_sample())))
    writer.encrypt(password, "owner-pw", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def scanned_pdf_sample() -> bytes:
    return image_only_pdf_bytes("Scanned page")


def docx_sample(text: str = FR_TEXT) -> bytes:
    return docx_bytes(
        "Note du bureau",
        [text],
        table=(("Nucléide", "Activité"), ("Cs-137", "0,3 GBq")),
        closing=["Fin de la note."],
    )


def eml_sample(text: str = ES_TEXT, attachment: tuple[str, str, bytes] | None = None) -> bytes:
    return email_bytes(
        "Robo de cámara de gammagrafía",
        "Oficina demo <demo@demo.radintel.invalid>",
        "Mon, 14 Apr 2025 09:12:00 -0300",
        text,
        message_id="<sample@demo.radintel.invalid>",
        attachment=attachment,
    )


def rss_sample() -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Demo</title><link>http://demo.radintel.invalid/</link>
<description>demo</description>
<item><title>Gauge stolen in Leeds</title><link>http://demo.radintel.invalid/web/a.html</link>
<guid>demo-a</guid><pubDate>Tue, 14 Jan 2025 09:30:00 GMT</pubDate>
<description>&lt;p&gt;{EN_TEXT}&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
<item><title>Jauge retrouvée</title><link>http://demo.radintel.invalid/web/b.html</link>
<guid>demo-b</guid><description>{FR_TEXT}</description></item>
</channel></rss>""".encode()


def atom_sample() -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Demo</title><id>urn:demo</id>
<updated>2025-04-02T10:10:00Z</updated>
<entry><title>Fuente perdida</title><link rel="alternate" href="http://demo.radintel.invalid/web/c.html"/>
<id>urn:demo:c</id><published>2025-04-02T10:10:00Z</published><updated>2025-04-02T10:10:00Z</updated>
<content type="html">&lt;p&gt;{ES_TEXT}&lt;/p&gt;</content></entry>
</feed>""".encode()


def html_sample(text: str = EN_TEXT) -> bytes:
    script = "<script>var secret = 'SCRIPT TEXT'; document.write(secret);</script>"
    return (
        "<!DOCTYPE html><html><head><title>Gauge stolen</title>"
        '<meta property="article:published_time" content="2025-01-14T09:30:00+00:00">'
        f"{script}<style>body {{ color: red }}</style></head><body>{script}"
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>Gauge stolen</h1><p>{text}</p><p>{text}</p></article>"
        f"{script}<footer>All rights reserved.</footer></body></html>"
    ).encode()


def submission_dict(**changes: Any) -> dict[str, Any]:
    submission: dict[str, Any] = {
        "bureau_country": "FR",
        "reference": "FR-2025-0001",
        "reporting_date": "2025-05-20",
        "incident_date": "2025-05-16",
        "place": "Rennes",
        "marking": "TLP:AMBER",
        "narrative": FR_TEXT,
        "materials": [
            {
                "material": "Cs-137",
                "activity": 0.3,
                "activity_unit": "GBq",
                "device": "moisture/density gauge",
                "serial_number": "AS-1234",
            }
        ],
    }
    submission.update(changes)
    return submission


def json_sample(value: object | None = None) -> bytes:
    return json.dumps(submission_dict() if value is None else value, ensure_ascii=False).encode()


CSV_COLUMNS = (
    "bureau_country",
    "reference",
    "reporting_date",
    "narrative",
    "material_1",
    "activity_1",
    "activity_unit_1",
    "material_2",
    "quantity_2",
    "unit_2",
)


def csv_sample(rows: Sequence[tuple[str, ...]] | None = None) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(
        rows
        if rows is not None
        else [
            ("ES", "ES-2025-1", "2025-06-01", ES_TEXT, "Ir-192", "1,2", "TBq", "", "", ""),
            ("JO", "JO-2025-2", "2025-06-02", AR_TEXT, "Cs-137", "", "", "uranium", "3", "kg"),
        ]
    )
    return buffer.getvalue().encode()


def text_sample(text: str = EN_TEXT) -> bytes:
    return text.encode()


def valid_samples() -> dict[str, bytes]:
    """One valid sample per format, keyed by the format name parse_bytes should sniff."""
    return {
        "pdf": pdf_sample(),
        "docx": docx_sample(),
        "eml": eml_sample(),
        "rss": rss_sample(),
        "html": html_sample(),
        "json": json_sample(),
        "csv": csv_sample(),
        "txt": text_sample(),
    }
