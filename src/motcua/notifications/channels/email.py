"""E-mail through Django's mail backend: files in DATA_DIR/mail in the embedded setup, SMTP in
production (EMAIL_BACKEND and the EMAIL_* settings)."""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection

from ..constants import Channel
from .base import BaseChannel, CheckResult
from .registry import register


@dataclass(frozen=True)
class EmailOptions:
    from_email: str = ""  # empty: DEFAULT_FROM_EMAIL
    # Seconds a silent mail server may keep us waiting: the attempt holds its message row (and,
    # on SQLite, the database's write lock) while it sends.
    timeout: float = 10


@register
class DjangoEmailChannel(BaseChannel):
    id = "email"
    label = "Thư điện tử qua máy chủ thư của Django"
    channel = Channel.EMAIL
    options_class = EmailOptions

    def send(self, message) -> None:
        EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=self.options.from_email or settings.DEFAULT_FROM_EMAIL,
            to=[message.recipient],
            # Lets a bounce or a complaint be traced back to the outbox row.
            headers={"X-Motcua-Message": str(message.pk)},
            connection=self._connection(),
        ).send()

    def check(self) -> CheckResult:
        try:
            connection = self._connection()
            connection.open()
            connection.close()
        except Exception as exc:  # any failure of any backend is the answer to give
            return CheckResult(
                False, f"Không kết nối được máy chủ thư ({settings.EMAIL_BACKEND}): {exc}"
            )
        return CheckResult(True)

    def _connection(self):
        return get_connection(fail_silently=False, timeout=self.options.timeout)
