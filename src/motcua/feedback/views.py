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
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import dossier_by_secret
from motcua.org.permissions import require
from motcua.org.scoping import require_staff

from . import kiosk, permissions, services
from .constants import CITIZEN_QUESTIONS, INDEX_FIELDS, SATISFIED_OVERALL, RatingChannel
from .errors import FeedbackError
from .forms import KioskRatingForm, LookupForm, PaperRatingForm, RatingFilterForm, RatingForm
from .models import Rating
from .qr import qr_svg
from .selectors import officers_by_dossier, ratings_of, with_revision_counts

LOOKUP_FAILURES = Limit("rating-lookup-failures-ip", limit=10, window_seconds=15 * 60)


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
    return render(
        request,
        "feedback/too_many.html",
        {"minutes": LOOKUP_FAILURES.retry_after_minutes()},
        status=429,
    )


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
            form.add_error(
                None,
                "Nhập sai quá nhiều lần. Xin thử lại sau "
                f"{LOOKUP_FAILURES.retry_after_minutes()} phút.",
            )
        else:
            code = form.cleaned_data["code"].strip()
            secret = form.cleaned_data["secret"].strip().upper()
            # Only a dossier code: a dossier is rated once returned, and by then it has one.
            dossier = (
                None if code.startswith(ONLINE_REF_PREFIX) else dossier_by_secret(code, secret)
            )
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
    context = {
        "dossier": dossier,
        "rating": rating,
        "secret": secret,
        "ratable": dossier.state == State.RETURNED,
        "changeable": _changeable(rating),
    }
    if not context["ratable"] or not context["changeable"]:
        return render(request, "feedback/rate.html", context)
    form = RatingForm(posted_data(request), initial=RatingForm.initial_from(rating))
    if request.method == "POST" and form.is_valid():
        try:
            services.rate(dossier, form.answers(), RatingChannel.WEB, with_secret=True)
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
    return render(
        request,
        "feedback/thanks.html",
        {
            "dossier": dossier,
            "rating": rating,
            "secret": secret,
            "changeable": _changeable(rating),
            "deadline": services.change_deadline(rating),
        },
    )


@login_required
def poster(request):
    """A printable poster for the counter: the QR of the rating entry page."""
    staff = require_staff(request)
    url = f"{settings.SITE_URL.rstrip('/')}{reverse('feedback:entry')}"
    return render(request, "feedback/poster.html", {"staff": staff, "url": url, "qr": qr_svg(url)})


def _recorded(request, dossier):
    messages.success(request, f"Đã ghi nhận đánh giá hồ sơ {dossier.code}. Cảm ơn Ông/Bà!")
    return redirect(request.path)


@login_required
def kiosk_page(request):
    """/danh-gia/quay/: the tablet at the counter, in the counter officer's session. It offers
    the dossier the officer has just handed over; any other needs the code and its secret."""
    staff = require_staff(request)
    require(permissions.may_run_kiosk(staff), permissions.KIOSK_REFUSAL)
    handover = None if "khac" in request.GET else kiosk.just_handed_over(staff)
    initial = {"token": kiosk.issue(staff, handover)} if handover else {}
    form = KioskRatingForm(posted_data(request), staff=staff, initial=initial)
    ip = client_ip(request)
    if request.method == "POST" and LOOKUP_FAILURES.exceeded(ip):
        return _too_many(request)
    if request.method == "POST" and form.is_valid():
        try:
            services.rate(
                form.dossier,
                form.answers(),
                RatingChannel.KIOSK,
                with_secret=form.with_secret,
                staff=staff,
            )
        except FeedbackError as error:
            form.add_error(None, error.message)
        else:
            return _recorded(request, form.dossier)
    if form.wrong_secret:
        LOOKUP_FAILURES.hit(ip)
    if form.is_bound:  # show again what was posted: the handed-over dossier or the code
        handover = form.dossier if form.data.get("token") else None
    return render(
        request, "feedback/kiosk.html", {"staff": staff, "form": form, "handover": handover}
    )


@login_required
def paper(request):
    """/danh-gia/phieu-giay/: staff type in the slips handed out with Mẫu 01–03; a slip never
    replaces a rating already given."""
    staff = require_staff(request)
    require(permissions.may_enter_paper(staff), permissions.PAPER_REFUSAL)
    form = PaperRatingForm(posted_data(request), agency=staff.agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.rate(form.dossier, form.answers(), RatingChannel.PAPER, staff=staff)
        except FeedbackError as error:
            form.add_error(None, error.message)
        else:
            return _recorded(request, form.dossier)
    return render(request, "feedback/paper.html", {"staff": staff, "form": form})


@login_required
def manage(request):
    """/danh-gia/quan-ly/: the agency's ratings with filters and their summary."""
    staff = require_staff(request)
    require(permissions.may_read_ratings(staff), permissions.READ_REFUSAL)
    filters = RatingFilterForm(request.GET or None)
    values = filters.cleaned_data if filters.is_valid() else {}
    ratings = ratings_of(staff.agency, **{k: v for k, v in values.items() if v})
    summary = ratings.aggregate(
        count=Count("pk"),
        satisfied=Count("pk", filter=Q(overall__in=SATISFIED_OVERALL)),
        **{f: Avg(f) for f in INDEX_FIELDS},
    )
    percent = 100 * summary["satisfied"] / summary["count"] if summary["count"] else None
    page = Paginator(with_revision_counts(ratings), 30).get_page(request.GET.get("page"))
    officers = officers_by_dossier([rating.dossier for rating in page])
    for rating in page:
        rating.officers = officers[rating.dossier_id]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "feedback/manage.html",
        {
            "staff": staff,
            "filters": filters,
            "page": page,
            "summary": summary,
            "satisfaction_percent": percent,
            "query": query.urlencode(),
            "averages": [(CITIZEN_QUESTIONS[f]["number"], summary[f]) for f in INDEX_FIELDS],
        },
    )
