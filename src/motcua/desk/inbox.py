"""The questions mailbox: readers behind one small interface, and the intake that turns each new
message into a Question once (by its Message-ID, kept unique on the question).

`MaildirReader` reads a local Maildir folder (a mail server delivers there, or a test writes
.eml files into it); `ImapReader` reads a folder on an IMAP server. The setting DESK_MAILBOX
chooses one.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
import hashlib
import imaplib
import logging
import mailbox
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError
from django.utils.html import strip_tags

from motcua.org.models import Agency

from .constants import DeskChannel
from .errors import DeskError
from .models import Question
from .services import Person, ask_question

log = logging.getLogger(__name__)

NO_SUBJECT = "(Thư không có tiêu đề)"


@dataclass(frozen=True)
class InboundMail:
    handle: str  # the reader's own name for the message, to mark it done
    message_id: str
    sender_name: str
    sender_email: str
    subject: str
    body: str


class MailboxReader(Protocol):
    def unread(self) -> Iterator[InboundMail]:
        """Messages not yet marked done."""

    def mark_done(self, mail: InboundMail) -> None:
        """Do not offer `mail` again (its question exists, or it can never be one)."""


def parse(handle: str, raw: bytes) -> InboundMail:
    message: EmailMessage = BytesParser(policy=policy.default).parsebytes(raw)
    # A message without a Message-ID is named by its content, so reading it twice is harmless.
    message_id = str(message.get("Message-ID", "")).strip() or (
        f"<sha256-{hashlib.sha256(raw).hexdigest()}@motcua>"
    )
    sender = message.get("From")
    address = sender.addresses[0] if sender is not None and sender.addresses else None
    part = message.get_body(preferencelist=("plain", "html"))
    body = part.get_content() if part is not None else ""
    if part is not None and part.get_content_type() == "text/html":
        body = strip_tags(body)
    return InboundMail(
        handle=handle,
        message_id=message_id[:500],
        sender_name=address.display_name if address else "",
        sender_email=address.addr_spec if address else "",
        subject=" ".join(str(message.get("Subject", "")).split()),
        body=body.strip(),
    )


class MaildirReader:
    """New messages are those without the Seen flag; done ones move to cur/ flagged Seen."""

    def __init__(self, path: str):
        self.box = mailbox.Maildir(path, factory=None, create=True)

    def unread(self) -> Iterator[InboundMail]:
        for key in sorted(self.box.keys()):
            if "S" in self.box.get_message(key).get_flags():
                continue
            yield parse(key, self.box.get_bytes(key))

    def mark_done(self, mail: InboundMail) -> None:
        message = self.box.get_message(mail.handle)
        message.set_subdir("cur")
        message.add_flag("S")
        self.box[mail.handle] = message


class ImapReader:
    """Unseen messages of one IMAP folder, read without setting Seen; done ones get Seen."""

    def __init__(
        self,
        host: str,
        port: int,
        user: str,
        password: str,
        folder: str = "INBOX",
        ssl: bool = True,
    ):
        if not host:
            raise ImproperlyConfigured("DESK_IMAP_HOST is empty.")
        self.host, self.port, self.user, self.password = host, port, user, password
        self.folder, self.ssl = folder, ssl
        self.connection = None

    @contextmanager
    def session(self):
        connect = imaplib.IMAP4_SSL if self.ssl else imaplib.IMAP4
        self.connection = connect(self.host, self.port)
        try:
            self.connection.login(self.user, self.password)
            self.connection.select(self.folder)
            yield self
        finally:
            try:
                self.connection.logout()
            finally:
                self.connection = None

    def unread(self) -> Iterator[InboundMail]:
        _, data = self.connection.uid("SEARCH", None, "UNSEEN")
        for uid in (data[0] or b"").split():
            _, parts = self.connection.uid("FETCH", uid, "(BODY.PEEK[])")
            raw = next(p[1] for p in parts if isinstance(p, tuple))
            yield parse(uid.decode(), raw)

    def mark_done(self, mail: InboundMail) -> None:
        self.connection.uid("STORE", mail.handle, "+FLAGS", "(\\Seen)")


@contextmanager
def configured_reader():
    """The reader DESK_MAILBOX names, ready to use; None when no mailbox is read."""
    kind = settings.MOTCUA_DESK_MAILBOX
    if not kind:
        yield None
    elif kind == "maildir":
        yield MaildirReader(settings.MOTCUA_DESK_MAILDIR)
    elif kind == "imap":
        reader = ImapReader(
            settings.MOTCUA_DESK_IMAP_HOST,
            settings.MOTCUA_DESK_IMAP_PORT,
            settings.MOTCUA_DESK_IMAP_USER,
            settings.MOTCUA_DESK_IMAP_PASSWORD,
            settings.MOTCUA_DESK_IMAP_FOLDER,
            settings.MOTCUA_DESK_IMAP_SSL,
        )
        with reader.session():
            yield reader
    else:
        raise ImproperlyConfigured(f"DESK_MAILBOX must be maildir, imap or empty, not {kind!r}.")


def mailbox_agency() -> Agency:
    """The agency the questions mailbox belongs to (DESK_MAIL_AGENCY, or the only one)."""
    code = settings.MOTCUA_DESK_MAIL_AGENCY
    if code:
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            raise DeskError(f"Không có cơ quan mã {code} (DESK_MAIL_AGENCY).")
        return agency
    agencies = list(Agency.objects.filter(units__isnull=False).distinct()[:2])
    if len(agencies) != 1:
        raise DeskError("Hãy đặt DESK_MAIL_AGENCY: hộp thư hỏi đáp thuộc cơ quan nào?")
    return agencies[0]


def take_questions(reader: MailboxReader, agency: Agency) -> int:
    """Turn each unread message into a Question (channel e-mail) once; returns how many."""
    created = 0
    for mail in reader.unread():
        if not Question.objects.filter(message_id=mail.message_id).exists():
            try:
                ask_question(
                    agency,
                    channel=DeskChannel.EMAIL,
                    asker=Person(mail.sender_name or mail.sender_email, mail.sender_email),
                    subject=mail.subject or NO_SUBJECT,
                    body=mail.body,
                    message_id=mail.message_id,
                )
            except DeskError as error:
                # It can never become a question (no sender or no text): do not offer it again.
                log.warning("desk mail %s refused: %s", mail.message_id, error.message)
            except IntegrityError:
                continue  # another worker took it at the same moment; that one marks it
            else:
                created += 1
        reader.mark_done(mail)
    return created


def fetch_questions() -> int:
    """Read the configured mailbox once; safe to run twice."""
    with configured_reader() as reader:
        if reader is None:
            return 0
        return take_questions(reader, mailbox_agency())
