"""The contexts of the forms printed for one dossier: receipt (Mẫu 01), supplement request
(02), refusal (03), apology (04), stop notice (2025) and process control sheet (05 / 06).

Each builder takes the object the form is made from and the regime's entry for the form
({"number", "title"}), and returns a plain dict of strings and lists, ready for a DOCX
template or an HTML page."""

from datetime import datetime

from motcua.dossiers.constants import Action, ReturnMethod
from motcua.dossiers.links import tracking_url
from motcua.dossiers.models import Dossier, DossierEvent, SupplementRequest

from .errors import FormUnavailable
from .formatting import day, local, moment_words, money
from .handovers import handover_rows
from .letterhead import letterhead
from .qr import qr_svg
from .register import yearly_number

DEFAULT_SIGNER_TITLE = "ĐẠI DIỆN CƠ QUAN"
CLOCK_RULES = {
    "restart": "Thời hạn giải quyết được tính lại từ đầu kể từ ngày nhận đủ hồ sơ bổ sung.",
    "continue": "Thời gian chờ bổ sung không tính vào thời hạn giải quyết; ngày hẹn trả kết "
    "quả được lùi tương ứng.",
}


def _dossier_fields(dossier: Dossier) -> dict:
    agency = dossier.agency
    return {
        "code": dossier.code or "",
        "reference": dossier.code or f"truc-tuyen-{dossier.pk}",
        "issuer": agency.name,
        "issuer_phone": agency.phone,
        "applicant_name": dossier.applicant_name,
        "applicant_id_number": dossier.applicant_id_number,
        "applicant_address": dossier.applicant_address,
        "applicant_phone": dossier.applicant_phone,
        "applicant_email": dossier.applicant_email,
        "owner_name": dossier.owner_name or dossier.applicant_name,
        "subject": dossier.subject,
        "procedure": dossier.version.name,
        "received_date": day(dossier.received_at),
        "received_words": moment_words(dossier.received_at),
        "due_words": moment_words(dossier.due_at),
    }


def _head(dossier: Dossier, form: dict, on: datetime) -> dict:
    return {**letterhead(dossier.agency, form, local(on).date()), **_dossier_fields(dossier)}


def _last_event(dossier: Dossier, actions: tuple, missing: str) -> DossierEvent:
    event = (
        dossier.events.filter(action__in=actions)
        .select_related("actor__user")
        .order_by("-at", "-pk")
        .first()
    )
    if event is None:
        raise FormUnavailable(missing)
    return event


def _recorded_moment(event: DossierEvent, key: str, fallback: datetime | None):
    value = event.data.get(key)
    return datetime.fromisoformat(value) if value else fallback


def _signer(event: DossierEvent) -> dict:
    """Signed for the agency by the staff member who issued it; an applicant's own online
    request leaves the name blank for the officer who signs the paper."""
    staff = event.actor
    title = staff.position.upper() if staff is not None and staff.position else ""
    return {
        "signer_title": title or DEFAULT_SIGNER_TITLE,
        "signer": staff.full_name if staff is not None else "",
    }


def _collect_at(dossier: Dossier) -> str:
    """Where the result is collected, by the return method chosen at receipt."""
    if dossier.return_method == ReturnMethod.POST:
        return f"Qua bưu chính công ích, đến địa chỉ: {dossier.postal_address}"
    if dossier.return_method == ReturnMethod.ONLINE:
        email = f" (thư điện tử: {dossier.applicant_email})" if dossier.applicant_email else ""
        return f"Nhận kết quả điện tử{email}"
    agency = dossier.agency
    counter = dossier.received_by.unit.name if dossier.received_by_id else "Bộ phận Một cửa"
    return ", ".join(part for part in (counter, agency.name, agency.address) if part)


def _require_receipt(dossier: Dossier) -> None:
    if dossier.received_at is None:
        raise FormUnavailable("Hồ sơ chưa được tiếp nhận nên chưa có biểu mẫu này.")


def receipt(dossier: Dossier, form: dict) -> dict:
    _require_receipt(dossier)
    version = dossier.version
    url = tracking_url(dossier)
    return {
        **_head(dossier, form, dossier.received_at),
        "documents": [
            {"number": i, "name": d.name, "originals": d.originals, "copies": d.copies}
            for i, d in enumerate(dossier.documents.order_by("position"), start=1)
        ],
        "sets": dossier.sets,
        "time_limit": version.time_limit_display,
        "fees": [{"name": fee.name, "amount": money(fee.amount)} for fee in version.fees.all()],
        "collect_at": _collect_at(dossier),
        # One electronic book a year (decision): the book is the year, the number runs on.
        "register_book": str(local(dossier.received_at).year),
        "register_number": yearly_number(dossier),
        "tracking_url": url,
        "tracking_secret": dossier.tracking_secret,
        "qr_svg": qr_svg(url),
        "receiver": dossier.received_by.full_name if dossier.received_by_id else "",
    }


def supplement_request(request: SupplementRequest, form: dict) -> dict:
    dossier = request.dossier
    officer = request.requested_by
    return {
        **_head(dossier, form, request.requested_at),
        "reference": f"{dossier.code} lần {request.number}",
        "supplement_number": request.number,
        "items": [
            {"number": i, "name": item["name"], "note": item.get("note", "")}
            for i, item in enumerate(request.items, start=1)
        ],
        "reason": request.reason,
        "clock_rule": CLOCK_RULES.get(dossier.version.supplement_clock, ""),
        "officer": officer.full_name,
        "officer_phone": officer.phone or dossier.agency.phone,
    }


def refusal(dossier: Dossier, form: dict) -> dict:
    event = _last_event(
        dossier,
        (Action.REFUSE, Action.REJECT_ONLINE),
        "Hồ sơ không bị từ chối nên không có phiếu từ chối.",
    )
    return {
        **_head(dossier, form, event.at),
        "reason": event.note or dossier.result_summary,
        "receiver": dossier.received_by.full_name if dossier.received_by_id else event.actor_name,
    }


def apology(dossier: Dossier, form: dict) -> dict:
    event = _last_event(
        dossier, (Action.APOLOGIZE,), "Hồ sơ chưa có văn bản xin lỗi và hẹn lại ngày trả kết quả."
    )
    old_due = _recorded_moment(event, "due_at", dossier.due_at)
    new_due = _recorded_moment(event, "new_due_at", dossier.apology_due_at)
    # The 2025 form asks for an extension; the 2018 one sets a new appointment.
    extension = "gia hạn" in form["title"]
    return {
        **_head(dossier, form, event.at),
        "old_due_words": moment_words(old_due),
        "new_due_words": moment_words(new_due),
        "reason": event.note,
        "promise": "đề nghị gia hạn thời gian giải quyết đến"
        if extension
        else "hẹn lại thời gian trả kết quả vào",
        "collect_at": _collect_at(dossier),
        **_signer(event),
    }


def stop_notice(dossier: Dossier, form: dict) -> dict:
    event = _last_event(
        dossier, (Action.WITHDRAW,), "Người nộp chưa đề nghị dừng giải quyết hồ sơ này."
    )
    return {
        **_head(dossier, form, event.at),
        "requested_date": day(event.at),
        "stopped_words": moment_words(event.at),
        "request_note": event.note,
        **_signer(event),
    }


def control_sheet(dossier: Dossier, form: dict) -> dict:
    _require_receipt(dossier)
    return {**_head(dossier, form, dossier.received_at), "rows": handover_rows(dossier)}
