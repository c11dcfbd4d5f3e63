"""Write the demo sources (feeds, web pages, bureau inbox) from the texts in `texts/`.

Run from the repository root: `PYTHONPATH=. .venv/bin/python demo/build.py` (needs the dev
dependencies: reportlab). Running it twice produces identical bytes; the outputs are committed.
The text notes, JSON submissions and CSV file of `inbox/` are written by hand, not built.
"""

from __future__ import annotations

from pathlib import Path

from demo.builders import (
    docx_bytes,
    email_bytes,
    image_only_pdf_bytes,
    pdf_bytes,
    raw_email_bytes,
    zip_bomb_docx_bytes,
)
from demo.corpus import DEMO_DIR, FOOTER, articles, inbox_texts
from demo.pages import atom_feed, rss_feed, web_page

ENCRYPTED_PASSWORD = "not-in-the-demo"
DUPLICATE_OF_FEED_ITEM = "en-tbilisi-uranium-seizure"


def feeds_and_pages() -> dict[str, bytes]:
    every = articles()
    files = {
        "feed/feed.xml": rss_feed([a for a in every if a.feed == "rss"]).encode("utf-8"),
        "feed/atom.xml": atom_feed([a for a in every if a.feed == "atom"]).encode("utf-8"),
    }
    for index, article in enumerate(every):
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
    for name, report in inbox_texts()["pdf_reports"].items():
        password = ENCRYPTED_PASSWORD if name == "encrypted_report.pdf" else None
        files[f"inbox/{name}"] = pdf_bytes(report["title"], report["paragraphs"], password=password)
    files["inbox/scanned_notice.pdf"] = image_only_pdf_bytes("Scanned notice (no text layer)")
    files["inbox/corrupt_report.pdf"] = _corrupt(files["inbox/reactor_outage_summary.pdf"])
    return files


def docxs() -> dict[str, bytes]:
    files = {
        f"inbox/{name}": docx_bytes(n["title"], n["paragraphs"], n["table"], n["closing"])
        for name, n in inbox_texts()["docx_notes"].items()
    }
    files["inbox/large_annex.docx"] = zip_bomb_docx_bytes()
    return files


def emails() -> dict[str, bytes]:
    files = {}
    for name, mail in inbox_texts()["emails"].items():
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
            report = inbox_texts()["attached_pdf"]
            pdf = pdf_bytes(report["title"], report["paragraphs"])
            attachment = (mail["attachment"], "application/pdf", pdf)
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


def clipping() -> dict[str, bytes]:
    """A bureau's clipping of a feed item: the same text as the parsed entry."""
    article = next(a for a in articles() if a.slug == DUPLICATE_OF_FEED_ITEM)
    return {f"inbox/clipping_{article.slug}.txt": (article.text + "\n").encode("utf-8")}


def duplicates(files: dict[str, bytes]) -> dict[str, bytes]:
    """Exact copies under other names, as bureaus resend and forward what they have."""
    note = (DEMO_DIR / "inbox/note_smoke_detectors_leeds.txt").read_bytes()  # written by hand
    return {
        "inbox/COPY_rapport_lyon_jauge.pdf": files["inbox/rapport_lyon_jauge.pdf"],
        "inbox/Fwd_note_smoke_detectors_leeds.txt": note,
    }


def build() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for part in (feeds_and_pages, pdfs, docxs, emails, clipping):
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
