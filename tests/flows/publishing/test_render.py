"""Rendering an assessment: the same edition gives the same bytes, every page carries the
marking, hostile document text stays text, and the PDF loads nothing but data: URIs."""

from __future__ import annotations

import io
import logging
import re

import pypdf
import pytest
from markdown_it import MarkdownIt

from flows.publishing import pdf
from flows.publishing.charts import chart_images
from flows.publishing.document import build_edition
from flows.publishing.render import FORMATS, render, render_all
from nlp.vocabulary import AssessmentStatus, Tlp
from storage.models.assessments import Snapshot
from tests.factories import sample_assessment, sample_incident, sample_snapshot

PLACES = ("Saint-Étienne", "Besançon", "الدار البيضاء", "عمّان")


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    return render_all(sample_assessment())


@pytest.fixture(scope="module")
def pdf_pages(outputs: dict[str, bytes]) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(outputs["pdf"]))
    return [page.extract_text() for page in reader.pages]


def test_rendering_twice_gives_the_same_bytes(outputs: dict[str, bytes]) -> None:
    assert set(outputs) == {"html", "pdf", "md"}
    assert render_all(sample_assessment()) == outputs


def test_chart_images_are_the_same_for_the_same_snapshot() -> None:
    snapshot = sample_snapshot(count=3)
    images = chart_images(snapshot)
    assert set(images) == {"map", "incident_type", "material_group", "intent_group",
                           "iaea_category", "country"}  # fmt: skip
    assert all(png.startswith(b"\x89PNG") for png in images.values())
    assert chart_images(snapshot) == images


def test_the_pdf_has_the_marking_on_every_page_and_its_place_names(
    pdf_pages: list[str],
) -> None:
    assert len(pdf_pages) >= 2
    for number, text in enumerate(pdf_pages, start=1):
        assert text.count("TLP:AMBER") >= 2, f"page {number} lacks its top and bottom banner"
        assert f"Page {number} of {len(pdf_pages)}" in text
    everything = "\n".join(pdf_pages)
    for place in (*PLACES, "Morocco", "Jordan"):  # Arabic comes out in logical order
        assert place in everything
    assert "DRAFT" in everything


def test_every_format_prints_the_same_key_figures(outputs: dict[str, bytes]) -> None:
    edition = build_edition(sample_assessment())
    markdown, page = outputs["md"].decode(), outputs["html"].decode()
    for label, value in edition.key_figures:
        assert re.search(rf"{re.escape(label.split(':')[0])}.*\| {re.escape(value)} \|", markdown)
        assert f"<td>{value}</td>" in page
    assert "2 incidents above TLP\\:AMBER left out" in markdown
    assert "2 incidents above TLP:AMBER left out" in page


def test_hostile_text_stays_text_in_markdown(outputs: dict[str, bytes]) -> None:
    markdown = outputs["md"].decode()
    table = markdown[markdown.index("## Incidents") : markdown.index("\n---\n")]
    # Read by a permissive consumer: raw HTML on, tables on.
    page = MarkdownIt("commonmark", {"html": True}).enable("table").render(table)
    assert "<script" not in page and "<img" not in page and "href=" not in page
    assert "<em>" not in page and "<strong>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Cs-137 | seized *twice* [link]" in page
    rows = re.findall(r"<tr>.*?</tr>", page, flags=re.DOTALL)
    assert len(rows) == 1 + 14 and all(row.count("<td") in (0, 8) for row in rows)


def test_hostile_text_stays_text_in_html(outputs: dict[str, bytes]) -> None:
    page = outputs["html"].decode()
    assert "<script" not in page.lower()
    assert "javascript:" not in re.sub(r"&[^;]+;", "", " ".join(re.findall(r'href="[^"]*"', page)))
    assert not re.search(r"<img[^>]*(file:|http)", page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<a href="https://example.org/ports">ports</a>' in page


def test_the_pdf_fetcher_refuses_files_and_the_network(caplog: pytest.LogCaptureFixture) -> None:
    fetcher = pdf.DataOnlyFetcher()
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/x.png", "https://example.org/a.css"):
        with pytest.raises(pdf.RefusedURL):
            fetcher.fetch(url)
    smuggled = (
        '<p>x</p><img src="file:///etc/passwd"><img src="http://127.0.0.1:9/pixel.png">'
        '<link rel="stylesheet" href="file:///etc/passwd">'
    )
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        document = pdf.write_pdf(f"<html><body>{smuggled}</body></html>")
    assert document.startswith(b"%PDF")
    refused = [r.getMessage() for r in caplog.records if "RefusedURL" in r.getMessage()]
    assert len(refused) == 3


def test_a_published_edition_has_no_draft_mark_and_a_correction_note() -> None:
    snapshot = sample_snapshot(count=2)
    assessment = sample_assessment(snapshot, status=AssessmentStatus.PUBLISHED, edition=2,
                                   changes="the Besançon seizure was dated")  # fmt: skip
    markdown = render(assessment, "md").decode()
    assert "DRAFT" not in markdown
    assert "Edition 2, corrects edition 1\\: the Besançon seizure was dated" in markdown


def test_the_edition_carries_the_most_restrictive_marking_of_its_content() -> None:
    incidents = [sample_incident(1, marking=Tlp.GREEN), sample_incident(2, marking=Tlp.AMBER)]
    snapshot = sample_snapshot(count=0, incidents=incidents, marking=Tlp.CLEAR)
    markdown = render(sample_assessment(snapshot), "md").decode().splitlines()
    assert markdown[0] == markdown[-1] == "**TLP:AMBER**"


def test_content_above_the_ceiling_is_refused() -> None:
    above = sample_snapshot(count=0, incidents=[sample_incident(1, marking=Tlp.RED)])
    with pytest.raises(ValueError, match="above the ceiling TLP:AMBER"):
        build_edition(sample_assessment(above))


def test_an_unknown_format_names_the_formats() -> None:
    with pytest.raises(ValueError, match="formats: html, md, pdf"):
        render(sample_assessment(sample_snapshot(count=1)), "docx")
    assert sorted(FORMATS) == ["html", "md", "pdf"]


def test_a_snapshot_round_trips_through_the_assessment() -> None:
    snapshot = sample_snapshot(count=2)
    assert Snapshot.model_validate(sample_assessment(snapshot).snapshot) == snapshot
