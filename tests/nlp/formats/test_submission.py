from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from jsonschema import Draft202012Validator

from nlp.formats import parse_bytes, submission, submission_csv, submission_json
from nlp.types import ParseError
from tests.nlp.formats import samples


def test_published_schema_is_valid_draft_2020_12() -> None:
    schema = submission.schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert "material_1" in schema["description"]


def test_valid_json_submission() -> None:
    (document,) = parse_bytes(samples.json_sample(), filename="s.json")
    assert document.format == "json"
    assert document.external_id == "FR-2025-0001"
    assert document.published_at == datetime(2025, 5, 20, tzinfo=UTC)
    assert document.metadata["submission"] == samples.submission_dict()
    assert document.language == "fr"
    lines = document.text.splitlines()
    assert lines[:3] == [
        "Bureau submission FR-2025-0001",
        "Bureau country: France (FR)",
        "Reporting date: 2025-05-20",
    ]
    assert "Marking: TLP:AMBER" in lines
    assert samples.FR_TEXT in lines
    assert lines[-1] == (
        "1. Cs-137; activity 0.3 GBq; device moisture/density gauge; serial number AS-1234"
    )


def test_invalid_json_submission_lists_failing_fields() -> None:
    bad = samples.submission_dict(
        bureau_country="XX", reporting_date="2025-02-30", marking="SECRET"
    )
    del bad["narrative"]
    bad["materials"] = [{"material": "Cs-137", "activity": 5}]
    with pytest.raises(ParseError) as raised:
        submission_json.parse(json.dumps(bad).encode(), filename=None, content_type=None)
    message = str(raised.value)
    for field in (
        "bureau_country",
        "reporting_date",
        "marking",
        "'narrative' is a required",
        "materials.0",
    ):
        assert field in message
    assert "'AD'" not in message  # the country list is not spelled out


def test_json_list_keeps_valid_items_and_reports_the_rest() -> None:
    items = [
        samples.submission_dict(),
        {"reference": "x"},
        samples.submission_dict(reference="FR-2"),
    ]
    documents = submission_json.parse(json.dumps(items).encode(), filename=None, content_type=None)
    assert [d.external_id for d in documents] == ["FR-2025-0001", "FR-2"]
    (rejected,) = documents[0].metadata["rejected_rows"]
    assert rejected["row"] == 2 and "bureau_country" in rejected["reason"]


@pytest.mark.parametrize(
    "data", [b"{not json", b"[1, 2]", b'"text"', b'{"a": NaN}', b"[" * 100_000]
)
def test_bad_json_is_a_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError):
        submission_json.parse(data, filename=None, content_type=None)


def test_valid_csv_rows_with_numbered_material_columns() -> None:
    documents = parse_bytes(samples.csv_sample(), filename="s.csv")
    assert [d.format for d in documents] == ["csv", "csv"]
    first, second = (d.metadata["submission"] for d in documents)
    assert first["materials"] == [{"material": "Ir-192", "activity": 1.2, "activity_unit": "TBq"}]
    assert second["materials"] == [
        {"material": "Cs-137"},
        {"material": "uranium", "quantity": 3.0, "unit": "kg"},
    ]
    assert [d.language for d in documents] == ["es", "ar"]
    assert "rejected_rows" not in documents[0].metadata


def test_csv_invalid_rows_are_reported_on_the_first_document() -> None:
    rows = [
        ("ES", "ES-2025-1", "2025-06-01", samples.ES_TEXT, "Ir-192", "1.2", "TBq", "", "", ""),
        ("ZZ", "bad ref!", "01/06/2025", "short", "Cs-137", "lots", "", "", "", ""),
    ]
    documents = submission_csv.parse(samples.csv_sample(rows), filename=None, content_type=None)
    assert len(documents) == 1
    (rejected,) = documents[0].metadata["rejected_rows"]
    assert rejected["row"] == 2
    for field in ("bureau_country", "reference", "reporting_date", "narrative", "materials.0"):
        assert field in rejected["reason"]


def test_csv_with_no_valid_row_is_a_parse_error() -> None:
    rows = [("ZZ", "R1", "2025-06-01", samples.ES_TEXT, "", "", "", "", "", "")]
    with pytest.raises(ParseError, match="invalid bureau submission: row 1: bureau_country"):
        submission_csv.parse(samples.csv_sample(rows), filename=None, content_type=None)


def test_csv_semicolon_delimiter_and_unknown_column() -> None:
    data = (
        "bureau_country;reference;reporting_date;narrative;colour\n"
        f"FR;FR-9;2025-06-01;{samples.FR_TEXT};blue\n"
        f"FR;FR-10;2025-06-01;{samples.FR_TEXT};\n"
    ).encode()
    (document,) = submission_csv.parse(data, filename=None, content_type=None)
    assert document.external_id == "FR-10"
    assert "colour" in document.metadata["rejected_rows"][0]["reason"]


def test_csv_extra_cells_are_rejected() -> None:
    header = "bureau_country,reference,reporting_date,narrative"
    data = f'{header}\nFR,FR-1,2025-06-01,"{samples.FR_TEXT}",extra\n'
    with pytest.raises(ParseError, match="unnamed_extra_cells"):
        submission_csv.parse(data.encode(), filename=None, content_type=None)
