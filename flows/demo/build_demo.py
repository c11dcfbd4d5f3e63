"""Write the demo sources (feeds, web pages, bureau inbox) deterministically.

Run from the repository root: `PYTHONPATH=. .venv/bin/python flows/demo/build_demo.py`.
Running it twice produces identical bytes; the outputs are committed.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from flows.demo import inbox_texts as inbox
from flows.demo.articles import ARTICLES, FOOTER
from flows.demo.builders import (
    docx_bytes,
    email_bytes,
    image_only_pdf_bytes,
    pdf_bytes,
    raw_email_bytes,
    zip_bomb_docx_bytes,
)
from flows.demo.pages import atom_feed, rss_feed, web_page

DEMO_DIR = Path(__file__).resolve().parent
ENCRYPTED_PASSWORD = "not-in-the-demo"
DUPLICATE_OF_FEED_ITEM = "en-tbilisi-uranium-seizure"


def feeds_and_pages() -> dict[str, bytes]:
    files = {
        "feed/feed.xml": rss_feed([a for a in ARTICLES if a.feed == "rss"]).encode("utf-8"),
        "feed/atom.xml": atom_feed([a for a in ARTICLES if a.feed == "atom"]).encode("utf-8"),
    }
    for index, article in enumerate(ARTICLES):
        files[f"web/{article.slug}.html"] = web_page(article, index % 3).encode("utf-8")
    return files


def _corrupt(pdf: bytes) -> bytes:
    """A PDF header followed by the damaged middle of a real file: no usable xref or pages."""
    middle = bytearray(pdf[len(pdf) // 3 : len(pdf) // 2])
    for index in range(0, len(middle), 7):
        middle[index] = (middle[index] * 31 + 17) % 256
    return b"%PDF-1.4\n%damaged\n" + bytes(middle)


def pdfs() -> dict[str, bytes]:
    files = {}
    for name, (title, paragraphs) in inbox.PDF_REPORTS.items():
        password = ENCRYPTED_PASSWORD if name == "encrypted_report.pdf" else None
        files[f"inbox/{name}"] = pdf_bytes(title, paragraphs, password=password)
    files["inbox/scanned_notice.pdf"] = image_only_pdf_bytes("Scanned notice (no text layer)")
    files["inbox/corrupt_report.pdf"] = _corrupt(files["inbox/reactor_outage_summary.pdf"])
    return files


def docxs() -> dict[str, bytes]:
    files = {
        f"inbox/{name}": docx_bytes(n["title"], n["paragraphs"], n["table"], n["closing"])
        for name, n in inbox.DOCX_NOTES.items()
    }
    files["inbox/large_annex.docx"] = zip_bomb_docx_bytes()
    return files


def emails() -> dict[str, bytes]:
    files = {}
    for name, mail in inbox.EMAILS.items():
        message_id = f"<{name.removesuffix('.eml')}@demo.radintel.invalid>"
        if "charset_bytes" in mail:
            body = mail["body"].encode(mail["charset_bytes"])
            files[f"inbox/{name}"] = raw_email_bytes(
                mail["subject"],
                mail["from"],
                mail["date"],
                body,
                message_id=message_id,
                charset=mail["declared"],
            )
            continue
        attachment = None
        if "attachment" in mail:
            title, paragraphs = inbox.ATTACHED_PDF
            attachment = (mail["attachment"], "application/pdf", pdf_bytes(title, paragraphs))
        files[f"inbox/{name}"] = email_bytes(
            mail["subject"],
            mail["from"],
            mail["date"],
            mail.get("body", ""),
            message_id=message_id,
            html=mail.get("html"),
            attachment=attachment,
        )
    return files


def texts() -> dict[str, bytes]:
    files = {f"inbox/{name}": text.encode(enc) for name, (enc, text) in inbox.TEXT_NOTES.items()}
    article = next(a for a in ARTICLES if a.slug == DUPLICATE_OF_FEED_ITEM)
    files[f"inbox/clipping_{article.slug}.txt"] = (article.text + "\n").encode("utf-8")
    return files


def submissions() -> dict[str, bytes]:
    def dump(value: object) -> bytes:
        return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(inbox.CSV_HEADER)
    writer.writerows(inbox.CSV_ROWS)
    return {
        "inbox/submission_FR-2025-0142.json": dump(inbox.VALID_SUBMISSION),
        "inbox/submissions_batch_2025-06.json": dump(inbox.BATCH_SUBMISSIONS),
        "inbox/submission_invalid.json": dump(inbox.INVALID_SUBMISSION),
        "inbox/submissions_2025-q2.csv": buffer.getvalue().encode("utf-8"),
    }


def duplicates(files: dict[str, bytes]) -> dict[str, bytes]:
    """Exact copies under other names, as bureaus resend and forward what they have."""
    return {
        "inbox/COPY_rapport_lyon_jauge.pdf": files["inbox/rapport_lyon_jauge.pdf"],
        "inbox/Fwd_note_smoke_detectors_leeds.txt": files["inbox/note_smoke_detectors_leeds.txt"],
    }


def build() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for part in (feeds_and_pages, pdfs, docxs, emails, texts, submissions):
        files.update(part())
    files.update(duplicates(files))
    return files


def write(directory: Path = DEMO_DIR) -> list[Path]:
    written = []
    for relative, data in sorted(build().items()):
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


if __name__ == "__main__":
    paths = write()
    print(f"wrote {len(paths)} files under {DEMO_DIR} ({FOOTER})")
