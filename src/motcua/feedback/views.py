"""The applicant's rating pages (public, by the receipt's secret), the counter's kiosk and paper
entry, and the office's list of ratings."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Avg, Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from motcua.core.ratelimit import Limit, client_ip
from motcua.dossiers.constants import State
from motcua.dossiers.links import ONLINE_REF_PREFIX, dossier_ref
from motcua.dossiers.selectors import dossier_by_secret
from motcua.dossiers.models import Dossier
from motcua.org.constants import Role
from motcua.org.scoping import require_staff

from . import services
from .constants import CITIZEN_QUESTIONS, INDEX_FIELDS, SATISFIED_OVERALL, RatingChannel
from .errors import FeedbackError
from .forms import CounterRatingForm, LookupForm, RatingFilterForm, RatingForm
from .models import Rating
from .qr import qr_svg
from .selectors import officers_by_dossier, ratings_of

LOOKUP_FAILURES = Limit("rating-lookup-failures-ip", limit=10, window_seconds=15 * 60)
COUNTER_ROLES = (Role.COUNTER_OFFICER,)
PAPER_ROLES = (Role.COUNTER_OFFICER, Role.OFFICE)
READERS = (Role.OFFICE, Role.DIRECTOR, Role.UNIT_HEAD, Role.COUNTER_OFFICER,
           Role.ADMINISTRATOR)


def posted_data(request):
    """The POST data, bound even when empty (so an empty submission shows its errors)."""
    return request.POST if request.method == "POST" else None


class TooManyAttempts(Exception):
    pass


def _dossier_by_secret(request, ref: str, secret: str) -> Dossier:
    """The dossier the link names; a wrong secret is a 404 and counts against the address, as
    on the entry page, so that the 8-character secret cannot be guessed through the link."""
    ip = client_ip(request)
    if LOOKUP_FAILURES.exceeded(ip):
        raise TooManyAttempts
    dossier = dossier_by_secret(ref, secret)
    if dossier is None:
        LOOKUP_FAILURES.hit(ip)
        raise Http404("Không tìm thấy hồ sơ.")
    return dossier


def _too_many(request):
    return render(request, "feedback/too_many.html",
                  {"minutes": LOOKUP_FAILURES.retry_after_minutes()}, status=429)


def _rating_of(dossier: Dossier) -> Rating | None:
    return Rating.objects.filter(dossier=dossier).first()


def _changeable(rating: Rating | None) -> bool:
    return rating is None or timezone.now() <= services.change_deadline(rating)


def entry(request):
    """/danh-gia/: the applicant types the code and secret of the receipt."""
    form = LookupForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        ip = client_ip(request)
        if LOOKUP_FAILURES.exceeded(ip):
            form.add_error(None, "Nhập sai quá nhiều lần. Xin thử lại sau "
                                 f"{LOOKUP_FAILURES.retry_after_minutes()} phút.")
        else:
            code = form.cleaned_data["code"].strip()
            secret = form.cleaned_data["secret"].strip().upper()
            # Only a dossier code: a dossier is rated once returned, and by then it has one.
            dossier = (None if code.startswith(ONLINE_REF_PREFIX)
                       else dossier_by_secret(code, secret))
            if dossier is not None:
                return redirect("feedback:rate", ref=dossier_ref(dossier), secret=secret)
            LOOKUP_FAILURES.hit(ip)
            form.add_error(None, "Mã hồ sơ hoặc mã bí mật không đúng.")
    return render(request, "feedback/entry.html", {"form": form})


def rate(request, ref: str, secret: str):
    """/danh-gia/<ref>/<secret>/: the four questions, the overall question and a comment."""
    try:
        dossier = _dossier_by_secret(request, ref, secret)
    except TooManyAttempts:
        return _too_many(request)
    rating = _rating_of(dossier)
    context = {"dossier": dossier, "rating": rating, "secret": secret,
               "ratable": dossier.state == State.RETURNED, "changeable": _changeable(rating)}
    if not context["ratable"] or not context["changeable"]:
        return render(request, "feedback/rate.html", context)
    form = RatingForm(posted_data(request), initial=RatingForm.initial_from(rating))
    if request.method == "POST" and form.is_valid():
        try:
            services.rate(dossier, form.answers(), RatingChannel.WEB)
        except FeedbackError as error:
            form.add_error(None, error.message)
        else:
            return redirect("feedback:thanks", ref=ref, secret=secret)
    return render(request, "feedback/rate.html", context | {"form": form})


def thanks(request, ref: str, secret: str):
    try:
        dossier = _dossier_by_secret(request, ref, secret)
    except TooManyAttempts:
        return _too_many(request)
    rating = _rating_of(dossier)
    if rating is None:
        return redirect("feedback:rate", ref=ref, secret=secret)
    return render(request, "feedback/thanks.html", {
        "dossier": dossier, "rating": rating, "secret": secret,
        "changeable": _changeable(rating), "deadline": services.change_deadline(rating)})


@login_required
def poster(request):
    """A printable poster for the counter: the QR of the rating entry page."""
    staff = require_staff(request)
    url = f"{settings.SITE_URL.rstrip('/')}{reverse('feedback:entry')}"
    return render(request, "feedback/poster.html", {"staff": staff, "url": url,
                                                    "qr": qr_svg(url)})


def _counter_entry(request, *, channel: str, template: str, roles, refusal: str):
    staff = require_staff(request, *roles, refusal=refusal)
    form = CounterRatingForm(posted_data(request), agency=staff.agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.rate(form.dossier, form.answers(), channel,
                          entered_by=staff if channel == RatingChannel.PAPER else None)
        except FeedbackError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Đã ghi nhận đánh giá hồ sơ {form.dossier.code}. "
                                      "Cảm ơn Ông/Bà!")
            return redirect(request.path)
    return render(request, template, {"staff": staff, "form": form})


@login_required
def kiosk(request):
    """/danh-gia/quay/: the tablet at the counter; it resets after each applicant."""
    return _counter_entry(request, channel=RatingChannel.KIOSK, template="feedback/kiosk.html",
                          roles=COUNTER_ROLES,
                          refusal="Thiết bị đánh giá tại quầy dùng tài khoản Cán bộ Một cửa.")


@login_required
def paper(request):
    """/danh-gia/phieu-giay/: staff type in the slips handed out with Mẫu 01–03."""
    return _counter_entry(request, channel=RatingChannel.PAPER, template="feedback/paper.html",
                          roles=PAPER_ROLES,
                          refusal="Chỉ Bộ phận Một cửa và Văn phòng nhập phiếu đánh giá.")


@login_required
def manage(request):
    """/danh-gia/quan-ly/: the agency's ratings with filters and their summary."""
    staff = require_staff(request, *READERS, refusal="Trang này dành cho cán bộ quản lý.")
    filters = RatingFilterForm(request.GET or None)
    values = filters.cleaned_data if filters.is_valid() else {}
    ratings = ratings_of(staff.agency, **{k: v for k, v in values.items() if v})
    summary = ratings.aggregate(
        count=Count("pk"), satisfied=Count("pk", filter=Q(overall__in=SATISFIED_OVERALL)),
        **{f: Avg(f) for f in INDEX_FIELDS})
    percent = 100 * summary["satisfied"] / summary["count"] if summary["count"] else None
    page = Paginator(ratings, 30).get_page(request.GET.get("page"))
    officers = officers_by_dossier([rating.dossier for rating in page])
    for rating in page:
        rating.officers = officers[rating.dossier_id]
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "feedback/manage.html", {
        "staff": staff, "filters": filters, "page": page, "summary": summary,
        "satisfaction_percent": percent, "query": query.urlencode(),
        "averages": [(CITIZEN_QUESTIONS[f]["number"], summary[f]) for f in INDEX_FIELDS],
    })
