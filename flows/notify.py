"""E-mail delivery of notifications: each notification not e-mailed yet, whose recipient has
an address, is sent through SMTP (standard library: smtplib, optional STARTTLS and login).

- Clearance is checked again at send time: a recipient who may no longer read the alert or
  the document (clearance lowered, account disabled) gets nothing, and the message is given up.
- One bad message never stops the others: its error is recorded on the notification
  (`email_error`, for operators) and it is retried on the next run, up to
  RADINTEL_NOTIFY_MAX_ATTEMPTS attempts.
- The SMTP password is a SecretStr and never logged; errors name the server, not the login.

`deliver_notifications_task` is the step the extraction flow runs after matching new documents
against the alerts; `notify_flow` runs on the `notifications` schedule of `radintel serve` and
`radintel deploy` (RADINTEL_NOTIFY_SCHEDULE_MINUTES); `radintel notify` runs it by hand. Each run is
recorded with the ingestion runs (flow "notify"), so a failing SMTP server shows on the
dashboard and in `radintel status`.
"""

from __future__ import annotations

import smtplib
import ssl
from collections import Counter
from dataclasses import dataclass
from email.message import EmailMessage
from types import TracebackType

from prefect import flow, task
from pydantic import SecretStr
from sqlmodel import Session

from flows.email_message import BadAddress, compose
from flows.run_log import internal_error, run_logger
from flows.settings import FlowSettings, get_flow_settings
from storage.db import session_scope
from storage.models._base import utcnow
from storage.notifications import (
    Outgoing,
    pending_emails,
    record_email_failure,
    record_emailed,
)
from storage.runs import finish_run, start_run

FLOW_NAME = "notify"
BATCH = 200  # notifications per transaction
WITHHELD = "withheld: the recipient's clearance no longer covers the alert or the document"
SMTP_ERRORS = (smtplib.SMTPException, OSError)


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 25
    starttls: bool = False
    username: str | None = None
    password: SecretStr | None = None
    sender: str = "radintel@localhost"
    timeout_seconds: float = 30.0
    max_attempts: int = 5

    @classmethod
    def from_flow_settings(cls, settings: FlowSettings) -> SmtpSettings | None:
        """The configured server, or None when RADINTEL_SMTP_HOST is not set."""
        if not settings.smtp_host:
            return None
        return cls(
            host=settings.smtp_host,
            port=settings.smtp_port,
            starttls=settings.smtp_starttls,
            username=settings.smtp_username,
            password=settings.smtp_password,
            sender=settings.smtp_sender,
            timeout_seconds=settings.smtp_timeout_seconds,
            max_attempts=settings.notify_max_attempts,
        )


class SmtpConnection:
    """One SMTP session for a delivery run, opened on the first message. A server that cannot
    be reached fails each message with the same error (each is an attempt)."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._client: smtplib.SMTP | None = None

    def __enter__(self) -> SmtpConnection:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._client is not None:
            try:
                self._client.quit()
            except SMTP_ERRORS:
                self._client.close()

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        client = smtplib.SMTP(s.host, s.port, timeout=s.timeout_seconds)
        try:
            if s.starttls:
                client.starttls(context=ssl.create_default_context())
            if s.username:
                password = s.password.get_secret_value() if s.password else ""
                client.login(s.username, password)
        except SMTP_ERRORS:
            client.close()
            raise
        return client

    def send(self, message: EmailMessage) -> None:
        if self._client is None:
            self._client = self._connect()
        self._client.send_message(message)


def _error_text(error: BaseException, settings: SmtpSettings) -> str:
    """What an operator reads: the kind of error and the server, never the credentials."""
    text = str(error)
    if settings.password is not None:
        text = text.replace(settings.password.get_secret_value(), "***")
    return f"{type(error).__name__} via {settings.host}:{settings.port}: {text}"


def _deliver_one(
    session: Session, connection: SmtpConnection, item: Outgoing, settings: SmtpSettings
) -> str:
    """Send one notification and record the outcome: "emailed", "withheld" or "failed"."""
    notification = item.notification
    if not item.cleared or not item.address:
        record_email_failure(
            session=session,
            notification=notification,
            error=WITHHELD,
            give_up_at=settings.max_attempts,
        )
        return "withheld"
    try:
        message = compose(notification, recipient=item.address, sender=settings.sender)
        connection.send(message)
    except BadAddress as error:
        record_email_failure(session=session, notification=notification, error=str(error))
        return "failed"
    except SMTP_ERRORS as error:
        reason = _error_text(error, settings)
        record_email_failure(session=session, notification=notification, error=reason)
        return "failed"
    record_emailed(session=session, notification=notification, at=utcnow())
    return "emailed"


def deliver_notifications(
    *, session: Session, smtp: SmtpSettings, after_id: int = 0, limit: int = BATCH
) -> tuple[Counter[str], int]:
    """E-mail up to `limit` pending notifications after id `after_id`; the outcome counts
    and the last id handled (0 when there was nothing to send). The caller commits."""
    outgoing = pending_emails(
        session=session, max_attempts=smtp.max_attempts, after_id=after_id, limit=limit
    )
    counts: Counter[str] = Counter()
    with SmtpConnection(smtp) as connection:
        for item in outgoing:
            counts[_deliver_one(session, connection, item, smtp)] += 1
    last = int(outgoing[-1].notification.id or 0) if outgoing else 0
    return counts, last


def deliver_pending(smtp: SmtpSettings | None = None) -> dict[str, int]:
    """Every pending notification, a transaction per batch, recorded as a "notify" run."""
    smtp = smtp or SmtpSettings.from_flow_settings(get_flow_settings())
    log = run_logger(__name__)
    if smtp is None:
        log.info("RADINTEL_SMTP_HOST is not set: notifications stay in the inbox only")
        return {"emailed": 0, "failed": 0, "withheld": 0}
    with session_scope() as session:
        run_id = int(start_run(session=session, flow=FLOW_NAME).id or 0)
    totals: Counter[str] = Counter(emailed=0, failed=0, withheld=0)
    error, after_id = None, 0
    try:
        while True:
            with session_scope() as session:
                counts, after_id = deliver_notifications(
                    session=session, smtp=smtp, after_id=after_id
                )
            totals.update(counts)
            if not after_id:
                break
    except Exception as bug:  # the database or a bug: the run fails with the traceback logged
        error = internal_error(bug, step="notify", item="e-mail delivery", module=__name__)
    with session_scope() as session:
        finish_run(session=session, run_id=run_id, counts=dict(totals), error=error)
    log.info(
        "notifications: %s e-mailed, %s failed, %s withheld",
        totals["emailed"],
        totals["failed"],
        totals["withheld"],
    )
    return dict(totals)


@task(name="deliver-notifications", retries=0)
def deliver_notifications_task() -> dict[str, int]:
    """E-mail the pending notifications (after matching in the extraction flow)."""
    return deliver_pending()


@flow(name="notify", log_prints=False)
def notify_flow() -> dict[str, int]:
    return deliver_notifications_task()
