"""Security review item 9: inbox files. A folder inbox opens only the regular files it
listed, without following links (O_NOFOLLOW, fstat compared with the listing's lstat);
links, FIFOs and devices are refused and recorded, and the entry itself (never a link's
target) is moved to quarantine."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import flows.inbox as inbox_module
from flows.inbox import FolderInbox, InboxFile
from flows.ingest import ingest_flow
from storage.objectstore import get_object_store
from tests.factories import by_source, declare, documents, failures, write
from tests.flows import samples
from tests.flows.conftest import ingest_env  # noqa: F401  (fixture)

pytestmark = pytest.mark.security
CAP = 1024 * 1024
SECRET = b"db_password=hunter2 -- never to be ingested\n"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_bytes(SECRET)
    return path


def listed(inbox: FolderInbox, name: str) -> InboxFile:
    return next(file for file in inbox.list() if file.name == name)


def test_a_file_swapped_for_a_link_after_listing_is_refused(tmp_path: Path, secret: Path) -> None:
    inbox = FolderInbox(tmp_path / "inbox")
    write(inbox.root, "note.txt", samples.SPANISH_NOTE)
    file = listed(inbox, "note.txt")
    (inbox.root / "note.txt").unlink()
    (inbox.root / "note.txt").symlink_to(secret)
    with pytest.raises(ValueError, match="symbolic link"):
        inbox.read(file, CAP)


def test_a_file_replaced_by_another_after_listing_is_refused(tmp_path: Path, secret: Path) -> None:
    inbox = FolderInbox(tmp_path / "inbox")
    write(inbox.root, "note.txt", samples.SPANISH_NOTE)
    file = listed(inbox, "note.txt")
    os.link(secret, inbox.root / "swap.tmp")  # the same file as the secret, another name
    os.replace(inbox.root / "swap.tmp", inbox.root / "note.txt")
    with pytest.raises(ValueError, match="replaced between listing and reading"):
        inbox.read(file, CAP)
    assert inbox.read(listed(inbox, "note.txt"), CAP) == SECRET  # listed anew: it is a file


def test_a_link_swapped_in_between_the_check_and_the_open_is_not_followed(
    tmp_path: Path, secret: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = FolderInbox(tmp_path / "inbox")
    path = write(inbox.root, "note.txt", samples.SPANISH_NOTE)
    file = listed(inbox, "note.txt")
    (tmp_path / "link").symlink_to(secret)
    checks: list[os.stat_result] = []

    def swap_after_the_first_check(status: os.stat_result, file: InboxFile) -> str | None:
        if not checks:  # the lstat saw the listed file; the link arrives just after
            checks.append(status)
            os.replace(tmp_path / "link", path)
            return None
        return real_refusal(status, file)

    real_refusal = inbox_module.refusal
    monkeypatch.setattr(inbox_module, "refusal", swap_after_the_first_check)
    with pytest.raises(ValueError, match="symbolic link"):
        inbox.read(file, CAP)
    assert path.is_symlink() and checks


@pytest.mark.usefixtures("prefect_harness")
def test_links_and_fifos_in_the_inbox_are_refused_recorded_and_quarantined(
    ingest_env: Path,  # noqa: F811
    secret: Path,
) -> None:
    inbox = ingest_env / "inbox" / "bureau"
    write(inbox, "nota.txt", samples.SPANISH_NOTE)
    (inbox / "secret.txt").symlink_to(secret)
    (inbox / "passwd.txt").symlink_to("/etc/passwd")
    os.mkfifo(inbox / "pipe.txt")  # no writer: opening it to read would wait forever
    declare("bureau", "inbox_folder", inbox="inbox/bureau")
    started = time.monotonic()
    result = by_source(ingest_flow())["bureau"]
    assert time.monotonic() - started < 60
    assert result["counts"]["new"] == 1 and result["counts"]["failed"] == 3
    reasons = {Path(f.item).name: f.reason for f in failures()}
    assert "symbolic link" in reasons["secret.txt"] and "symbolic link" in reasons["passwd.txt"]
    assert "not a regular file" in reasons["pipe.txt"]
    assert all(f.quarantine_path for f in failures())
    quarantine = inbox / "quarantine"
    assert (quarantine / "secret.txt").is_symlink() and (quarantine / "passwd.txt").is_symlink()
    assert (quarantine / "pipe.txt").is_fifo()
    assert secret.read_bytes() == SECRET  # the target stays where it was, untouched
    assert not (inbox / "processed" / "secret.txt").exists()
    assert sorted(p.name for p in (inbox / "processed").iterdir()) == ["nota.txt"]
    store = get_object_store()
    stored = [store.get(d.raw_key) for d in documents() if d.raw_key]
    assert stored and not any(SECRET in data or b"root:" in data for data in stored)
