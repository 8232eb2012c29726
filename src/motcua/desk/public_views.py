"""Public pages: the FAQ ("Đồng hành cùng doanh nghiệp"), the ask and complaint forms, and
following a complaint by its code and secret. No sign-in; every form is rate-limited per IP."""

from hmac import compare_digest

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from motcua.core.ratelimit import Limit, client_ip

from . import selectors, services
from .constants import DeskChannel
from .errors import DeskError
from .forms import AskForm, ComplaintForm, FaqSearchForm, FollowForm, procedure_choices
from .models import Complaint, Question

PAGE_SIZE = 20
ASKING = Limit("desk-ask-ip", limit=5, window_seconds=3600)
COMPLAINING = Limit("desk-complaint-ip", limit=5, window_seconds=3600)
# Failed look-ups only: guessing secrets is what is limited, not following one's own case.
FOLLOW_FAILURES = Limit("desk-follow-failures-ip", limit=10, window_seconds=900)
# Per code too, so that many addresses cannot share the guessing of one case's secret.
FOLLOW_FAILURES_PER_CODE = Limit("desk-follow-failures-code", limit=5, window_seconds=900)
NOT_FOUND = "Không tìm thấy phản ánh, kiến nghị với mã và mã bí mật này. Vui lòng kiểm tra lại."


def _too_many(limit: Limit) -> str:
    return f"Bạn đã gửi quá nhiều lần. Vui lòng thử lại sau {limit.retry_after_minutes()} phút."


def faq(request):
    published = Question.objects.filter(published=True)
    linked = set(published.values_list("procedures", flat=True))
    form = FaqSearchForm(
        request.GET or None, procedures=[c for c in procedure_choices() if c[0] in linked]
    )
    query, procedure = "", None
    if form.is_valid():
        query, procedure = form.cleaned_data["q"], form.cleaned_data["thu_tuc"]
    page = Paginator(selectors.published_faq(query, procedure), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "desk/faq.html", {"form": form, "page": page, "query": query})


def ask(request):
    form = AskForm(request.POST or None)
    status = 200
    if request.method == "POST":
        ip = client_ip(request)
        if form.is_spam():
            # Answer a bot as if it had succeeded, and keep nothing.
            messages.success(request, "Đã gửi câu hỏi.")
            return redirect("desk:faq")
        if ASKING.exceeded(ip):
            form.is_valid()
            form.add_error(None, _too_many(ASKING))
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            ASKING.hit(ip)
            try:
                question = services.ask_question(
                    data["agency"],
                    channel=DeskChannel.PORTAL,
                    asker=services.Person(data["name"], data["email"], data["phone"]),
                    subject=data["subject"],
                    body=data["body"],
                    procedures=data["agency"].procedures.filter(pk=data["procedure"]),
                )
            except DeskError as error:
                form.add_error(None, error.message)
                status = 400
            else:
                messages.success(
                    request,
                    (
                        f"Đã gửi câu hỏi, mã {question.code}. Hạn trả lời: "
                        f"{services.moment_text(question.due_at)}."
                        + (
                            " Câu trả lời sẽ được gửi qua thư điện tử."
                            if question.asker_email
                            else ""
                        )
                    ),
                )
                return redirect("desk:faq")
        else:
            status = 400
    return render(
        request,
        "desk/ask.html",
        {"form": form, "answer_days": settings.MOTCUA_QUESTION_ANSWER_DAYS},
        status=status,
    )


def complain(request):
    form = ComplaintForm(request.POST or None)
    status = 200
    if request.method == "POST":
        ip = client_ip(request)
        if form.is_spam():
            messages.success(request, "Đã gửi phản ánh, kiến nghị.")
            return redirect("desk:follow")
        if COMPLAINING.exceeded(ip):
            form.is_valid()
            form.add_error(None, _too_many(COMPLAINING))
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            COMPLAINING.hit(ip)
            try:
                complaint = services.receive_complaint(
                    data["agency"],
                    channel=DeskChannel.PORTAL,
                    kind=data["kind"],
                    complainant=services.Person(data["name"], data["email"], data["phone"]),
                    subject=data["subject"],
                    body=data["body"],
                    dossier_code=data["dossier_code"],
                    officer_named=data["officer_named"],
                )
            except DeskError as error:
                field = "dossier_code" if "hồ sơ" in error.message else None
                form.add_error(field, error.message)
                status = 400
            else:
                messages.success(
                    request,
                    (
                        f"Đã tiếp nhận {complaint.get_kind_display().lower()}. "
                        f"Mã: {complaint.code}; mã bí mật: {complaint.secret}. "
                        "Hãy ghi lại hai mã này để theo dõi."
                    ),
                )
                return redirect(_follow_url(complaint))
        else:
            status = 400
    return render(
        request,
        "desk/complain.html",
        {"form": form, "answer_days": settings.MOTCUA_COMPLAINT_ANSWER_DAYS},
        status=status,
    )


def _follow_url(complaint: Complaint) -> str:
    return f"{reverse('desk:follow')}?{urlencode({'ma': complaint.code, 'k': complaint.secret})}"


def _lookup(request, code: str, secret: str) -> tuple[Complaint | None, str]:
    """The complaint if code and secret match, else an error message the same for both."""
    ip, code = client_ip(request), code.strip().upper()
    for limit, subject in ((FOLLOW_FAILURES, ip), (FOLLOW_FAILURES_PER_CODE, code)):
        if limit.exceeded(subject):
            return None, _too_many(limit)
    complaint = Complaint.objects.select_related("agency", "unit").filter(code=code).first()
    # Compare even when the code is unknown, so both failures take the same time.
    expected = complaint.secret if complaint else "-" * 8
    if not compare_digest(expected.encode(), secret.strip().upper().encode()) or not complaint:
        FOLLOW_FAILURES.hit(ip)
        FOLLOW_FAILURES_PER_CODE.hit(code)
        return None, NOT_FOUND
    return complaint, ""


def follow(request):
    source = request.POST if request.method == "POST" else request.GET
    form = FollowForm(source if "ma" in source else None)
    complaint, error = None, ""
    if form.is_valid():
        complaint, error = _lookup(request, form.cleaned_data["ma"], form.cleaned_data["k"])
        if complaint and request.method == "POST":
            try:
                services.record_satisfaction(complaint, request.POST.get("hai_long") == "1")
            except DeskError as refusal:
                error = refusal.message
            else:
                messages.success(request, "Cảm ơn Quý vị đã cho biết ý kiến về câu trả lời.")
                return redirect(_follow_url(complaint))
    status = 429 if error and error != NOT_FOUND else 200
    return render(
        request,
        "desk/follow.html",
        {
            "form": form,
            "complaint": complaint,
            "error": error,
        },
        status=status,
    )
