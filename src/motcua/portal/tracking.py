"""Public tracking of a dossier: find it by its code plus a second factor, say where it stands in
plain words, and nothing about the applicant (ARCHITECTURE rule 8).

A wrong factor and an unknown code are indistinguishable to the caller: both return None after
the same comparison work, and both count against the per-code and per-IP failure limits.
"""

from dataclasses import dataclass, field
from datetime import datetime
import hashlib
import hmac
import re
import time

from django.conf import settings

from motcua.core.ratelimit import Limit
from motcua.dossiers.constants import Action, ReturnMethod, State
from motcua.dossiers.links import ONLINE_REF_PREFIX, ref_lookup
from motcua.dossiers.models import Dossier, SupplementRequest

FAILURE_MESSAGE = "Không tìm thấy hồ sơ khớp với mã hồ sơ và thông tin xác thực đã nhập."

# Compared against when the code is unknown, so that an unknown code costs the same work.
_DUMMY_SECRET = "00000000"
_DUMMY_PHONE_TAIL = "0000"
PHONE_TAIL = 4

# How many dossiers one browser session remembers after a successful check.
SESSION_KEY = "tracking_dossiers"
SESSION_CAPACITY = 10


# ---------------------------------------------------------------------------------------------
# Rate limits (read from settings at call time, so tests and deployments can change them)


def failures_per_code() -> Limit:
    return Limit("tracking-failures-code", settings.MOTCUA_TRACKING_FAILURES_PER_CODE, 15 * 60)


def failures_per_ip() -> Limit:
    return Limit("tracking-failures-ip", settings.MOTCUA_TRACKING_FAILURES_PER_IP, 60 * 60)


def supplements_per_ip() -> Limit:
    return Limit("tracking-supplements-ip", settings.MOTCUA_TRACKING_SUPPLEMENTS_PER_IP, 60 * 60)


def normalise_ref(ref: str) -> str:
    """The code as printed (upper case, no spaces), or an online submission's reference."""
    ref = re.sub(r"\s+", "", ref or "")
    if ref.lower().startswith(ONLINE_REF_PREFIX):
        return ref.lower()
    return ref.upper()


def _code_subject(ref: str) -> str:
    # Whatever was typed becomes a short, safe cache key.
    return hashlib.sha256(normalise_ref(ref).encode()).hexdigest()[:32]


def blocking_limit(ref: str, ip: str) -> Limit | None:
    """The limit this attempt is over (then it is refused, even with the right factor)."""
    for limit, subject in ((failures_per_ip(), ip), (failures_per_code(), _code_subject(ref))):
        if limit.exceeded(subject):
            return limit
    return None


def record_failure(ref: str, ip: str) -> None:
    failures_per_ip().hit(ip)
    failures_per_code().hit(_code_subject(ref))


# ---------------------------------------------------------------------------------------------
# The check


def _find(ref: str) -> Dossier | None:
    if not ref:
        return None
    return Dossier.objects.filter(**ref_lookup(ref)).first()


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def _phone_tail(phone: str) -> str | None:
    digits = re.sub(r"\D", "", phone or "")
    return digits[-PHONE_TAIL:] if len(digits) >= PHONE_TAIL else None


def verify(ref: str, factor: str) -> Dossier | None:
    """The dossier `ref` names if `factor` is its tracking secret (any case) or the last four
    digits of its applicant's phone; None otherwise, whether or not the dossier exists."""
    dossier = _find(normalise_ref(ref))
    factor = re.sub(r"\s+", "", factor or "").upper()
    secret = dossier.tracking_secret.upper() if dossier and dossier.tracking_secret else None
    tail = _phone_tail(dossier.applicant_phone) if dossier else None
    # Both comparisons always run, so the time taken does not tell which one could match.
    secret_ok = _same(factor, secret or _DUMMY_SECRET) and secret is not None
    tail_ok = (
        len(factor) == PHONE_TAIL
        and factor.isdigit()
        and _same(factor, tail or _DUMMY_PHONE_TAIL)
        and tail is not None
    )
    return dossier if secret_ok or tail_ok else None


# ---------------------------------------------------------------------------------------------
# Remembering checked dossiers in the browser session


def remember(session, dossier: Dossier) -> None:
    """Let this session open `dossier` without a second check for a while."""
    expires = time.time() + settings.MOTCUA_TRACKING_ACCESS_MINUTES * 60
    entries = {k: v for k, v in session.get(SESSION_KEY, {}).items() if v > time.time()}
    entries.pop(str(dossier.pk), None)
    entries[str(dossier.pk)] = expires
    # Dicts keep insertion order: the oldest checks drop out first.
    session[SESSION_KEY] = dict(list(entries.items())[-SESSION_CAPACITY:])


def remembered(session, ref: str) -> Dossier | None:
    """The dossier `ref` names, if this session checked it and the permission still holds."""
    dossier = _find(normalise_ref(ref))
    if dossier is None:
        return None
    expires = session.get(SESSION_KEY, {}).get(str(dossier.pk))
    return dossier if expires is not None and expires > time.time() else None


# ---------------------------------------------------------------------------------------------
# What the public page says


@dataclass(frozen=True)
class Milestone:
    at: datetime
    label: str


@dataclass(frozen=True)
class PublicStatus:
    code: str | None
    procedure: str
    agency: str
    state_label: str
    stage: str
    received_at: datetime | None
    due_at: datetime | None
    apology_due_at: datetime | None
    clock_stopped: bool
    returned: bool
    reason: str = ""  # written to the applicant: refusal or rejection of an online submission
    milestones: list[Milestone] = field(default_factory=list)


# The actions the applicant may see, in plain words. Everything else (assignments, forwarding,
# consultations, attachments, notes) stays inside the agency.
MILESTONES = {
    Action.SUBMIT: "Nộp hồ sơ trực tuyến",
    Action.RECEIVE: "Tiếp nhận hồ sơ",
    Action.ACCEPT: "Tiếp nhận hồ sơ nộp trực tuyến",
    Action.REJECT_ONLINE: "Hồ sơ nộp trực tuyến không được tiếp nhận",
    Action.REQUEST_SUPPLEMENT: "Yêu cầu bổ sung hồ sơ",
    Action.SUPPLEMENT: "Đã nhận hồ sơ bổ sung",
    Action.SUSPEND: "Tạm dừng giải quyết",
    Action.RESUME: "Tiếp tục giải quyết",
    Action.EXTEND: "Gia hạn thời gian giải quyết",
    Action.APOLOGIZE: "Thư xin lỗi và hẹn lại ngày trả kết quả",
    Action.APPROVE: "Đã có kết quả giải quyết",
    Action.REFUSE: "Từ chối giải quyết",
    Action.WITHDRAW: "Dừng giải quyết theo đề nghị của người nộp",
    Action.CANCEL: "Hủy hồ sơ",
    Action.RETURN_RESULT: "Đã trả kết quả",
}


def _where_to_collect(dossier: Dossier) -> str:
    if dossier.return_method == ReturnMethod.POST:
        return "kết quả được gửi qua bưu chính công ích đến địa chỉ Ông/Bà đã đăng ký"
    if dossier.return_method == ReturnMethod.ONLINE:
        return "kết quả điện tử được gửi cho Ông/Bà theo hình thức đã đăng ký"
    place = f"Bộ phận Một cửa, {dossier.agency.name}"
    if dossier.agency.address:
        place += f", {dossier.agency.address}"
    return f"mời Ông/Bà nhận tại {place}"


def _stage(dossier: Dossier) -> str:
    state = dossier.state
    if state == State.SUBMITTED:
        return "Hồ sơ nộp trực tuyến, đang chờ Bộ phận Một cửa tiếp nhận."
    if state in (State.RECEIVED, State.PROCESSING):
        step = dossier.current_step
        unit = step.unit.name if step and step.unit else dossier.agency.name
        return f"Đang xử lý tại {unit}" + (f" (bước «{step.name}»)." if step else ".")
    if state == State.AWAITING_SUPPLEMENT:
        return (
            "Chờ Ông/Bà bổ sung hồ sơ. Thời hạn giải quyết tạm dừng cho đến khi nhận đủ "
            "hồ sơ bổ sung."
        )
    if state == State.SUSPENDED:
        return (
            "Việc giải quyết đang tạm dừng; thời gian tạm dừng không tính vào thời hạn giải quyết."
        )
    if state == State.RESOLVED:
        return f"Đã có kết quả, {_where_to_collect(dossier)}."
    if state == State.REFUSED:
        return f"Hồ sơ bị từ chối giải quyết; văn bản trả lời: {_where_to_collect(dossier)}."
    if state == State.RETURNED:
        return "Đã trả kết quả. Hồ sơ đã hoàn thành."
    if state == State.NOT_ACCEPTED:
        return "Hồ sơ nộp trực tuyến không được tiếp nhận."
    if state == State.WITHDRAWN:
        return "Đã dừng giải quyết theo đề nghị của Ông/Bà."
    return "Hồ sơ đã bị hủy."


def _milestones(dossier: Dossier) -> list[Milestone]:
    events = dossier.events.filter(action__in=list(MILESTONES)).only("at", "action", "data")
    milestones = []
    for event in events:
        label = MILESTONES[Action(event.action)]
        if event.action == Action.REQUEST_SUPPLEMENT and event.data.get("number"):
            label = f"{label} (lần {event.data['number']})"
        elif event.action == Action.RETURN_RESULT and event.data.get("tracking_number"):
            label = f"{label} qua bưu chính, số hiệu bưu gửi {event.data['tracking_number']}"
        milestones.append(Milestone(event.at, label))
    return milestones


def _reason(dossier: Dossier) -> str:
    """The written reason the applicant was already sent for a refusal or a rejection."""
    action = {State.REFUSED: Action.REFUSE, State.NOT_ACCEPTED: Action.REJECT_ONLINE}.get(
        dossier.state
    )
    if action is None:
        return ""
    event = dossier.events.filter(action=action).order_by("-at", "-pk").first()
    return event.note if event else ""


def public_status(dossier: Dossier) -> PublicStatus:
    dossier = Dossier.objects.select_related("agency", "version", "current_step__unit").get(
        pk=dossier.pk
    )
    return PublicStatus(
        code=dossier.code,
        procedure=dossier.version.name,
        agency=dossier.agency.name,
        state_label=State(dossier.state).label,
        stage=_stage(dossier),
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        apology_due_at=dossier.apology_due_at,
        clock_stopped=dossier.is_clock_stopped,
        returned=dossier.state == State.RETURNED,
        reason=_reason(dossier),
        milestones=_milestones(dossier),
    )


def open_supplement_request(dossier: Dossier) -> SupplementRequest | None:
    """The unanswered supplement request, while the dossier waits for it."""
    if dossier.state != State.AWAITING_SUPPLEMENT:
        return None
    return dossier.supplements.filter(answered_at__isnull=True).order_by("-number").first()


def required_document_id(dossier: Dossier, item_name: str) -> int | None:
    """The required document a supplement item names, so its file is filed under it."""
    document = dossier.documents.filter(name=item_name).exclude(required=None).first()
    return document.required_id if document else None
