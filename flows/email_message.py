"""The e-mail of one notification: a plain-text message built with the standard library.

Header injection: the subject and the addresses are the only headers that carry text, and
none of them may hold a line break. The subject is written by storage.notifications from ids
and the marking; it is still folded to one line of printable characters here, and an address
must be exactly one plain `local@domain` with nothing around it, so a user's e-mail field of
`a@b.c\\r\\nBcc: x@y.z` is refused instead of sent. Alert and document titles appear only in
the body, which is text/plain and cannot add headers.
"""

from __future__ import annotations

import re
from email.errors import MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import make_msgid

from storage.models import Notification

# Unicode "other" characters (controls, format characters such as bidi overrides, line and
# paragraph separators): never in a header.
_NOT_PRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e]")
MAX_SUBJECT = 200
FOOTER = (
    "\n\n--\nradintel: open the Inbox of the review UI for the alert and the document.\n"
    "This message names them by number and title only; it holds no document text.\n"
)


class BadAddress(ValueError):
    """An address that is not exactly one plain e-mail address."""


def one_line(text: str, limit: int = MAX_SUBJECT) -> str:
    """`text` as one header-safe line: control characters and line breaks become spaces."""
    return " ".join(_NOT_PRINTABLE.sub(" ", text).split())[:limit]


def checked_address(text: str) -> Address:
    """The address, refused unless it is one `local@domain` and nothing else."""
    if _NOT_PRINTABLE.search(text) or any(c in text for c in ' ,;<>"()'):
        raise BadAddress(f"not a single plain e-mail address: {one_line(text, 80)!r}")
    try:
        address = Address(addr_spec=text)
    except (ValueError, IndexError, MessageError) as error:
        raise BadAddress(f"not an e-mail address: {one_line(text, 80)!r} ({error})") from None
    if not address.username or not address.domain or address.addr_spec != text:
        raise BadAddress(f"not an e-mail address: {one_line(text, 80)!r}")
    return address


def compose(notification: Notification, *, recipient: str, sender: str) -> EmailMessage:
    """The notification as an e-mail to `recipient` from `sender` (BadAddress for either)."""
    message = EmailMessage()
    message["From"] = checked_address(sender)
    message["To"] = checked_address(recipient)
    message["Subject"] = one_line(notification.subject)
    message["Message-ID"] = make_msgid(domain=checked_address(sender).domain)
    message.set_content(notification.body.rstrip() + FOOTER)
    return message
