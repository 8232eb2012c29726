"""What the applicant is told, by e-mail and SMS, at the steps that concern them.

Messages are queued in the notifications outbox inside the action's transaction and sent after
commit; an action that fails sends nothing.
"""

from django.utils import timezone

from motcua.notifications.constants import Channel as MessageChannel
from motcua.notifications.errors import InvalidRecipient
from motcua.notifications.recipients import normalize_phone
from motcua.notifications.services import queue_message

from .links import tracking_url


def _when(moment) -> str:
    return f"{timezone.localtime(moment):%H:%M ngày %d/%m/%Y}" if moment else ""


# topic → (subject, body); both formatted with the context below.
TEMPLATES = {
    "received": (
        "Đã tiếp nhận hồ sơ {code}",
        "{agency} đã tiếp nhận hồ sơ {code} ({procedure}). Hẹn trả kết quả: {due}. Tra cứu: {url}",
    ),
    "not_accepted": (
        "Hồ sơ nộp trực tuyến chưa được tiếp nhận",
        "{agency} chưa tiếp nhận hồ sơ nộp trực tuyến ({procedure}). Lý do: {note}",
    ),
    "supplement_requested": (
        "Hồ sơ {code} cần bổ sung",
        "Hồ sơ {code} cần bổ sung, hoàn thiện: {items}. Lý do: {note}. "
        "Thời hạn giải quyết tạm dừng đến khi nhận đủ. Tra cứu: {url}",
    ),
    "apology": (
        "Xin lỗi về việc chậm trả kết quả hồ sơ {code}",
        "{agency} xin lỗi vì hồ sơ {code} không thể trả đúng hẹn. Lý do: {note}. "
        "Hẹn lại: {new_due}.",
    ),
    "refused": (
        "Hồ sơ {code} không được giải quyết",
        "{agency} từ chối giải quyết hồ sơ {code}. Lý do: {note}. "
        "Mời Ông/Bà nhận văn bản trả lời theo hình thức đã đăng ký.",
    ),
    "result_ready": (
        "Đã có kết quả hồ sơ {code}",
        "Hồ sơ {code} đã có kết quả. Mời Ông/Bà nhận kết quả theo hình thức đã đăng ký. "
        "Tra cứu: {url}",
    ),
    "withdrawn": (
        "Hồ sơ {code} đã dừng giải quyết",
        "Theo đề nghị của Ông/Bà, {agency} đã dừng giải quyết hồ sơ {code}.",
    ),
    "rating_invitation": (
        "Mời đánh giá việc giải quyết hồ sơ {code}",
        "{agency} đã trả kết quả hồ sơ {code}. Mời Ông/Bà đánh giá mức độ hài lòng "
        "(khoảng 1 phút): {rating_url}",
    ),
}


def notify_applicant(dossier, topic: str, event, **context) -> None:
    """Queue the e-mail and the SMS of `topic` to the applicant, once per event."""
    subject, body = TEMPLATES[topic]
    values = {
        "code": dossier.code or "",
        "agency": dossier.agency.name,
        "procedure": dossier.version.name,
        "due": _when(dossier.due_at),
        "url": tracking_url(dossier) if dossier.code else "",
        "note": event.note,
        **context,
    }
    subject, body = subject.format(**values), body.format(**values)
    recipients = [(MessageChannel.EMAIL, dossier.applicant_email)]
    if _is_mobile(dossier.applicant_phone):
        recipients.append((MessageChannel.SMS, dossier.applicant_phone))
    for channel, recipient in recipients:
        if recipient:
            queue_message(
                channel,
                recipient,
                subject,
                body,
                agency=dossier.agency,
                topic=f"dossier.{topic}",
                reference=dossier.code or str(dossier.pk),
                key=f"dossier-event:{event.pk}:{channel}",
            )


def _is_mobile(phone: str) -> bool:
    """A landline (accepted at intake) cannot take an SMS; the e-mail still goes."""
    try:
        normalize_phone(phone)
    except InvalidRecipient:
        return False
    return True
