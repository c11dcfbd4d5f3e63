"""`radintel search --json` prints the documented shape, pages by cursor, caps an unattended
search at TLP:GREEN and refuses an unknown user; `--reindex` rebuilds the index."""

from __future__ import annotations

import json
from pathlib import Path

from sqlmodel import Session
from typer.testing import CliRunner

from flows.cli import build_app
from flows.errors import UserError
from nlp.vocabulary import Tlp
from storage.db import get_engine
from storage.schema import create_schema
from tests.factories import create_document, create_user

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(build_app(), ["search", *args])
    if isinstance(result.exception, UserError):  # `radintel` prints it and exits 2
        return 2, str(result.exception)
    return result.exit_code, result.output


def test_search_json_paging_clearance_and_reindex(data_dir: Path) -> None:
    engine = get_engine()
    create_schema(engine)
    with Session(engine) as session:
        create_user(session, "amber", clearance=Tlp.AMBER)
        green = create_document(
            session, "Stolen gauges were found.", title="Gauges", external_id="feed/1"
        )
        amber = create_document(
            session, "Two stolen gauges again.", title="Again", marking=Tlp.AMBER
        )
        green_id, amber_id = green.id, amber.id
    code, output = run("stolen gauges", "--json")
    assert code == 0, output
    page = json.loads(output)
    assert page == {
        "results": [
            {
                "kind": "document",
                "id": green_id,
                "external_id": "feed/1",
                "title": "Gauges",
                "snippet": page["results"][0]["snippet"],
                "score": page["results"][0]["score"],
            }
        ],
        "next": None,
    }
    assert "gauges" in page["results"][0]["snippet"]
    as_amber = ("stolen gauges", "--json", "--as", "amber", "--ceiling", "TLP:RED")
    code, output = run(*as_amber, "--limit", "1")
    first = json.loads(output)
    assert code == 0 and first["next"] is not None
    code, output = run(*as_amber, "--cursor", first["next"])
    ids = [r["id"] for r in first["results"] + json.loads(output)["results"]]
    assert sorted(ids) == sorted([green_id, amber_id])
    assert run("stolen", "--as", "nobody") == (
        2,
        "Refused: you are not signed in with a known account.",
    )
    assert run("stolen", "--cursor", "forged")[0] == 2
    code, output = run("--reindex")
    assert code == 0 and "indexed 2 document(s)" in output
    assert json.loads(run("stolen", "--json")[1])["results"][0]["id"] == green_id
