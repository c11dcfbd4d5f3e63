"""Notifications: the inbox (newest first, cursor, read marks, clearance re-checked) and the
e-mail delivery through a local SMTP server started by the test (aiosmtpd): the right
recipient and subject, no document text, nothing to a watcher without clearance, header
injection refused, failures recorded and retried up to the cap."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlmodel import Session, select

from flows.email_message import BadAddress, checked_address, compose, one_line
from flows.notify import WITHHELD, SmtpSettings, deliver_notifications
from nlp.vocabulary import Role, Tlp
from storage.models import Alert, Document, Notification, User
from storage.notifications import (
    list_notifications,
    mark_all_read,
    mark_read,
    notify_match,
    notify_matches,
    undelivered_emails,
    unread_count,
)
from storage.status import collect_status
from tests.factories import (
    create_actor,
    create_alert,
    create_alert_match,
    create_document,
    create_watcher,
    ident,
)
from tests.support.smtp_server import SmtpServer, free_port

INJECTED_TITLE = "Stolen camera\r\nBcc: attacker@evil.example\r\n\r\nforged body"


@pytest.fixture
def db_url(data_dir: Path) -> str:
    """SQLite for these tests (one focused test below runs on PostgreSQL)."""
    return f"sqlite:///{data_dir / 'test.db'}"


def watcher(session: Session, alert: Alert, name: str, clearance: Tlp, email: str | None) -> None:
    create_actor(session, name, Role.ANALYST, clearance)
    user = session.exec(select(User).where(User.username == name)).one()
    user.email = email
    session.add(user)
    session.commit()
    create_watcher(session, alert, name)


def setup_alert(session: Session) -> tuple[Alert, Document]:
    alert = create_alert(session, title=INJECTED_TITLE, marking=Tlp.AMBER)
    document = create_document(session, marking=Tlp.AMBER, title="Cámara robada <b>x</b>")
    watcher(session, alert, "amber", Tlp.AMBER, "amber@unit.example")
    watcher(session, alert, "green", Tlp.GREEN, "green@unit.example")
    watcher(session, alert, "inboxonly", Tlp.RED, None)
    return alert, document


def smtp_for(server: SmtpServer, **fields: object) -> SmtpSettings:
    values: dict[str, object] = {"host": server.host, "port": server.port, "max_attempts": 3}
    return SmtpSettings(**{**values, **fields})  # type: ignore[arg-type]


def test_a_cleared_watcher_gets_one_email_without_document_text(
    session: Session, smtp_server: SmtpServer
) -> None:
    alert, document = setup_alert(session)
    match = create_alert_match(session, alert, document)
    made = notify_match(session=session, match=match, confirmed=False)
    session.commit()
    assert sorted(n.username for n in made) == ["amber", "inboxonly"]  # green is not cleared
    before = len(smtp_server.mailbox.received)
    counts, _ = deliver_notifications(session=session, smtp=smtp_for(smtp_server))
    session.commit()
    assert counts == {"emailed": 1}
    [mail] = smtp_server.mailbox.received[before:]
    assert mail.recipients == ["amber@unit.example"]
    message = mail.message
    assert message["To"] == "amber@unit.example"
    assert message["Subject"] == f"[TLP:AMBER] Alert #{alert.id}: match proposed (score 0.93)"
    assert message["Bcc"] is None and "attacker" not in str(message["To"])
    body = message.get_content()
    assert f"document #{document.id}" in body and "Cámara robada" in body
    assert "Customs in Rotterdam" not in body and "Norvik" not in body  # no document text
    stored = session.get(Notification, made[0].id)
    assert stored is not None and stored.emailed_at is not None and stored.email_error is None
    # Delivered once: a second run sends nothing.
    assert deliver_notifications(session=session, smtp=smtp_for(smtp_server))[0] == {}


@pytest.mark.postgres
def test_clearance_lowered_before_sending_withholds_the_email_and_hides_it_from_the_inbox(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, smtp_server: SmtpServer
) -> None:
    from storage.db import engine_for
    from storage.schema import create_schema
    from tests.conftest import clear_caches

    monkeypatch.setenv("RADINTEL_DATABASE_URL", pg_url)
    clear_caches()
    engine = engine_for(pg_url)
    create_schema(engine)
    with Session(engine, expire_on_commit=False) as session:
        alert, document = setup_alert(session)
        notify_match(session=session, match=create_alert_match(session, alert, document),
                     confirmed=True)  # fmt: skip
        session.commit()
        assert unread_count(session=session, username="amber") == 1
        amber = session.exec(select(User).where(User.username == "amber")).one()
        amber.clearance = Tlp.GREEN
        session.add(amber)
        session.commit()
        before = len(smtp_server.mailbox.received)
        counts, _ = deliver_notifications(session=session, smtp=smtp_for(smtp_server))
        session.commit()
        assert counts == {"withheld": 1}
        assert len(smtp_server.mailbox.received) == before
        [withheld] = session.exec(select(Notification).where(Notification.username == "amber"))
        assert withheld.emailed_at is None and withheld.email_error == WITHHELD
        assert withheld.email_attempts == 3  # given up at once: never sent later
        assert list_notifications(session=session, username="amber") == []
        assert unread_count(session=session, username="amber") == 0


def test_a_documents_matches_notified_together_reach_each_alerts_own_cleared_watchers(
    session: Session,
) -> None:
    amber_alert, document = setup_alert(session)  # watched by amber, green, inboxonly
    red_alert = create_alert(session, title="Red alert", marking=Tlp.RED)
    watcher(session, red_alert, "redwatcher", Tlp.RED, None)
    create_watcher(session, red_alert, "amber")  # amber's clearance does not cover it
    unwatched = create_alert(session, title="Nobody watches this one")
    matches = [
        create_alert_match(session, alert, document)
        for alert in (red_alert, unwatched, amber_alert)
    ]
    made = notify_matches(session=session, matches=matches, confirmed=False)
    session.commit()
    assert [(n.alert_id, n.username) for n in made] == [
        (red_alert.id, "redwatcher"),
        (amber_alert.id, "amber"),
        (amber_alert.id, "inboxonly"),
    ]
    assert [n.match_id for n in made] == [matches[0].id, matches[2].id, matches[2].id]
    assert made[0].subject == f"[TLP:RED] Alert #{red_alert.id}: match proposed (score 0.93)"
    assert notify_matches(session=session, matches=[matches[1]], confirmed=True) == []


def test_header_injection_and_a_dead_server_are_recorded_and_retried_up_to_the_cap(
    session: Session, smtp_server: SmtpServer
) -> None:
    alert, document = setup_alert(session)
    bad = session.exec(select(User).where(User.username == "amber")).one()
    bad.email = "amber@unit.example\r\nBcc: attacker@evil.example"
    session.add(bad)
    session.commit()
    watcher(session, alert, "second", Tlp.RED, "second@unit.example")
    notify_match(session=session, match=create_alert_match(session, alert, document),
                 confirmed=False)  # fmt: skip
    session.commit()
    before = len(smtp_server.mailbox.received)
    counts, _ = deliver_notifications(session=session, smtp=smtp_for(smtp_server))
    session.commit()
    assert counts == {"failed": 1, "emailed": 1}  # one bad address never stops the others
    assert [m.recipients for m in smtp_server.mailbox.received[before:]] == [
        ["second@unit.example"]
    ]
    assert undelivered_emails(session=session) == 1
    assert collect_status(session=session, clearance=None)["undelivered_notifications"] == 1
    # The address fixed, but the server down: attempts 2 and 3 fail, then it is given up.
    bad.email = "amber@unit.example"
    session.add(bad)
    session.commit()
    secret = "s3cret-smtp-password"
    dead = smtp_for(smtp_server, port=free_port(), username="radintel", password=SecretStr(secret))
    for _ in range(3):
        deliver_notifications(session=session, smtp=dead)
        session.commit()
    [failed] = session.exec(select(Notification).where(Notification.username == "amber"))
    assert failed.email_attempts == 3 and failed.emailed_at is None
    assert failed.email_error and "ConnectionRefusedError" in failed.email_error
    assert secret not in failed.email_error
    assert deliver_notifications(session=session, smtp=smtp_for(smtp_server))[0] == {}


def test_the_inbox_lists_newest_first_by_cursor_and_marks_read(session: Session) -> None:
    alert, _ = setup_alert(session)
    for score in (0.81, 0.85, 0.9):
        other = create_document(session, title=f"report {score}", marking=Tlp.CLEAR)
        match = create_alert_match(session, alert, other, score=score)
        notify_match(session=session, match=match, confirmed=False)
    session.commit()
    first = list_notifications(session=session, username="amber", limit=2)
    assert ["0.90" in n.subject for n in first] == [True, False]
    rest = list_notifications(session=session, username="amber", before_id=ident(first[-1]))
    assert len(rest) == 1 and "0.81" in rest[0].subject
    assert mark_read(session=session, username="green", notification_ids=[ident(first[0])]) == 0
    assert mark_read(session=session, username="amber", notification_ids=[ident(first[0])]) == 1
    assert unread_count(session=session, username="amber") == 2
    assert mark_all_read(session=session, username="amber") == 2
    assert unread_count(session=session, username="amber") == 0
    assert unread_count(session=session, username="inboxonly") == 3


def test_a_message_is_one_plain_text_email_with_header_safe_fields() -> None:
    note = Notification(
        username="u", kind="new_match", alert_id=1, subject="[TLP:AMBER] a\r\nBcc: x@y.z\u2028b",
        body="Alert #1 (a\r\nBcc: x@y.z): document #2",
    )  # fmt: skip
    message = compose(note, recipient="u@unit.example", sender="radintel@localhost")
    assert isinstance(message, EmailMessage)
    assert message["Subject"] == "[TLP:AMBER] a Bcc: x@y.z b" and message["Bcc"] is None
    assert message.get_content_type() == "text/plain"
    assert one_line("x\ny\u202ez") == "x y z"
    for hostile in ("a@b.c, d@e.f", "A <a@b.c>", "a@b.c\nBcc: d@e.f", "nobody", "@b.c"):
        with pytest.raises(BadAddress):
            checked_address(hostile)
