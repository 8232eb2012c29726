"""The public pages of online submission: the form (new or resumed draft), the review, the
submission and the done page. Thin: the services keep the draft and make the dossier."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from motcua.catalog.constants import Requirement
from motcua.catalog.models import Procedure
from motcua.core.downloads import attachment
from motcua.core.ratelimit import Limit, client_ip
from motcua.dossiers.errors import DossierError
from motcua.dossiers.links import dossier_ref, tracking_url

from . import permissions, services
from .errors import DraftSubmitted, SubmissionError
from .forms import DraftForm, draft_initial, file_input_name, uploads
from .models import Draft

SAVE, REVIEW = "luu", "xem-lai"


def _draft_limit() -> Limit:
    return Limit("submission-drafts-ip", settings.SUBMISSION_DRAFTS_PER_IP_HOUR, 3600)


def _refusal(request, message: str, status: int, title: str = "Chưa thể nộp hồ sơ trực tuyến"):
    return render(
        request, "submissions/refusal.html", {"title": title, "message": message}, status=status
    )


def _draft(token: str) -> Draft:
    draft = get_object_or_404(
        Draft.objects.select_related("procedure__agency", "version", "agency"), token=token
    )
    if not permissions.holds_draft(draft, token):
        raise Http404("Không tìm thấy hồ sơ nháp.")
    return draft


def _document_rows(version, draft, file_errors: dict) -> list[dict]:
    """One row per required document, then the other documents: input, files, errors."""
    files = list(draft.files.all()) if draft else []
    rows = [
        {
            "document": d,
            "input": file_input_name(d.pk),
            "mandatory": d.requirement == Requirement.MANDATORY,
            "files": [f for f in files if f.required_id == d.pk],
        }
        for d in version.documents.all()
    ]
    rows.append(
        {
            "document": None,
            "input": file_input_name(None),
            "mandatory": False,
            "files": [f for f in files if f.required_id is None],
        }
    )
    for row in rows:
        row["errors"] = file_errors.get(row["input"], [])
    return rows


def _form_page(request, version, form, *, draft=None, file_errors=None, missing=(), status=200):
    action = (
        reverse("submissions:draft", args=[draft.token])
        if draft
        else reverse("submissions:start", args=[version.procedure_id])
    )
    return render(
        request,
        "submissions/form.html",
        {
            "version": version,
            "procedure": version.procedure,
            "agency": version.procedure.agency,
            "form": form,
            "draft": draft,
            "action": action,
            "missing": missing,
            "rows": _document_rows(version, draft, file_errors or {}),
            "resume_url": services.resume_url(draft) if draft else "",
            "max_upload_mb": settings.MOTCUA_MAX_UPLOAD_MB,
        },
        status=status,
    )


def _after_save(request, draft: Draft, form: DraftForm, refusals) -> object:
    """Everything typed and every good file is kept by now; say what is still wrong."""
    file_errors = {}
    for refusal in refusals:
        file_errors.setdefault(file_input_name(refusal.required_id), []).append(refusal.message)
    version = draft.version
    action = request.POST.get("action", SAVE)
    if request.POST.get("xoa", "").isdigit():
        try:
            services.remove_file(draft, int(request.POST["xoa"]))
            messages.info(request, "Đã xóa tệp.")
        except SubmissionError as refusal:
            messages.error(request, refusal.message)
        action = None
    if action == REVIEW:
        missing = services.missing_documents(draft)
        if form.is_valid() and not refusals and not missing:
            return redirect("submissions:review", draft.token)
        return _form_page(
            request,
            version,
            form,
            draft=draft,
            file_errors=file_errors,
            missing=missing,
            status=400,
        )
    if action == SAVE:
        _send_resume_link(request, draft, form.data.get("request_key") or uuid.uuid4().hex)
    if refusals:
        return _form_page(
            request,
            version,
            DraftForm(initial=draft_initial(draft)),
            draft=draft,
            file_errors=file_errors,
            status=400,
        )
    return redirect("submissions:draft", draft.token)


def _send_resume_link(request, draft: Draft, request_key: str) -> None:
    try:
        services.send_resume_link(draft, request_key)
    except SubmissionError as refusal:
        messages.warning(
            request,
            f"Đã lưu hồ sơ nháp nhưng chưa gửi được đường dẫn: "
            f"{refusal.message} Hãy lưu lại địa chỉ của trang này.",
        )
        return
    messages.success(
        request,
        f"Đã lưu hồ sơ nháp. Đường dẫn để tiếp tục đã được gửi tới {draft.applicant_email}.",
    )


def start(request, pk: int):
    """The empty form of a procedure offered online; the first save creates the draft."""
    procedure = get_object_or_404(Procedure.objects.select_related("agency"), pk=pk)
    try:
        version = services.online_version(procedure)
    except SubmissionError as refusal:
        return _refusal(request, refusal.message, refusal.status)
    if request.method != "POST":
        return _form_page(request, version, DraftForm())
    limit, ip = _draft_limit(), client_ip(request)
    if limit.exceeded(ip):
        return _refusal(
            request,
            "Có quá nhiều hồ sơ nháp được tạo từ địa chỉ này. Xin thử lại "
            f"sau {limit.retry_after_minutes()} phút.",
            429,
        )
    limit.hit(ip)
    form = DraftForm(request.POST)
    try:
        draft, refusals = services.start_draft(
            procedure, form.typed(), uploads(request, version.documents.all())
        )
    except SubmissionError as refusal:
        return _refusal(request, refusal.message, refusal.status)
    return _after_save(request, draft, form, refusals)


def _open_draft(request, token: str):
    """The draft brought up to the version in force, or the page to show instead: the done page
    of a draft already submitted, or the refusal."""
    draft = _draft(token)
    try:
        return services.refresh_draft(draft), None
    except DraftSubmitted:
        return draft, redirect("submissions:done", draft.token)
    except SubmissionError as refusal:
        return draft, _refusal(request, refusal.message, refusal.status)


def draft(request, token: str):
    """The draft resumed from its link: the same form, filled in, with its files."""
    draft, instead = _open_draft(request, token)
    if instead is not None:
        return instead
    if request.method != "POST":
        return _form_page(
            request, draft.version, DraftForm(initial=draft_initial(draft)), draft=draft
        )
    form = DraftForm(request.POST)
    try:
        draft, refusals = services.save_draft(
            draft, form.typed(), uploads(request, draft.version.documents.all())
        )
    except SubmissionError as refusal:
        if isinstance(refusal, DraftSubmitted):
            return redirect("submissions:done", draft.token)
        return _refusal(request, refusal.message, refusal.status)
    return _after_save(request, draft, form, refusals)


def _problems(draft: Draft) -> list[str]:
    """Why the draft cannot be submitted yet (the form's checks, then the services')."""
    form = DraftForm(data=draft_initial(draft))
    if not form.is_valid():
        return [
            f"{form.fields[name].label}: {' '.join(errors)}"
            for name, errors in form.errors.items()
            if name in form.fields
        ]
    try:
        services.check_ready(draft)
    except SubmissionError as refusal:
        return [refusal.message]
    return []


def review(request, token: str):
    draft, instead = _open_draft(request, token)
    if instead is not None:
        return instead
    problems = _problems(draft)
    if problems:
        for problem in problems:
            messages.error(request, problem)
        return redirect("submissions:draft", draft.token)
    return render(
        request,
        "submissions/review.html",
        {
            "draft": draft,
            "version": draft.version,
            "agency": draft.agency,
            "rows": [row for row in _document_rows(draft.version, draft, {}) if row["files"]],
        },
    )


@require_POST
def submit(request, token: str):
    """Submit the reviewed draft. The posted key must be the draft's: a repeated POST (double
    click, reload, retry) finds the dossier already made and shows it."""
    draft = _draft(token)
    if request.POST.get("idempotency_key") != draft.token:
        return _refusal(
            request,
            "Yêu cầu nộp hồ sơ không hợp lệ; xin mở lại trang xem lại hồ sơ và nộp lại.",
            400,
        )
    if not draft.is_submitted:
        problems = _problems(draft)
        if problems:
            for problem in problems:
                messages.error(request, problem)
            return redirect("submissions:draft", draft.token)
    try:
        services.submit_draft(draft)
    except (SubmissionError, DossierError) as refusal:
        messages.error(request, refusal.message)
        return redirect("submissions:draft", draft.token)
    return redirect("submissions:done", draft.token)


def draft_file(request, token: str, pk: int):
    """One file of the draft, as a download, to the holder of the draft's link only."""
    draft = _draft(token)
    stored = draft.files.filter(pk=pk).first()
    if stored is None or not permissions.may_download_draft_file(draft, token, stored):
        raise Http404("Không tìm thấy tệp.")
    return attachment(stored.file, stored.original_name, stored.content_type)


def done(request, token: str):
    draft = _draft(token)
    if not draft.is_submitted:
        return redirect("submissions:draft", draft.token)
    dossier = draft.dossier
    return render(
        request,
        "submissions/done.html",
        {
            "draft": draft,
            "dossier": dossier,
            "ref": dossier_ref(dossier),
            "track_link": tracking_url(dossier),
            "agency": draft.agency,
            "version": dossier.version,
            "attachments": dossier.attachments.all(),
        },
    )
