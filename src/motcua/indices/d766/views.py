"""/chi-so/766/: the Decision 766 score of the user's agency for a month, quarter or year,
and one click away from each figure, the dossiers (procedures, complaints) behind it."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from motcua.org.permissions import require
from motcua.org.scoping import require_staff

from ..models import D766Criterion
from ..permissions import D766_REFUSAL, may_view_d766
from .compute import d766_for, measure_for
from .constants import NO_DATA
from .criteria import Kind
from .periods import MONTH, picked_period
from .sources import Context

PAGE_SIZE = 50
PARTS = {"tu-so": "Tử số", "mau-so": "Mẫu số"}
ORDER = {
    Kind.DOSSIER: ("received_at", "pk"),
    Kind.PROCEDURE: ("procedure__local_code", "pk"),
    Kind.COMPLAINT: ("received_at", "pk"),
}


def _reader(request):
    staff = require_staff(request)
    require(may_view_d766(staff), D766_REFUSAL)
    return staff


@login_required
def score(request):
    staff = _reader(request)
    form, period, label, query = picked_period(request.GET, timezone.localdate(), MONTH)
    result = d766_for(staff.agency, period)
    return render(
        request,
        "indices/d766/score.html",
        {
            "staff": staff,
            "form": form,
            "label": label,
            "score": result,
            "query": urlencode(query),
            "no_data": NO_DATA,
        },
    )


@login_required
def drill(request, code: str):
    staff = _reader(request)
    _, period, label, query = picked_period(request.GET, timezone.localdate(), MONTH)
    part = request.GET.get("phan", "tu-so")
    criterion = (
        D766Criterion.objects.filter(code=code, year__lte=period.end.year).order_by("-year").first()
        or D766Criterion.objects.filter(code=code).order_by("year").first()
    )
    if criterion is None or part not in PARTS:
        raise Http404("Không có tiêu chí này.")
    measure = measure_for(criterion, Context.of(staff.agency, period))
    if measure is None:
        raise Http404("Tiêu chí này không tính từ dữ liệu hồ sơ.")
    rows = measure.numerator if part == "tu-so" else measure.denominator
    if measure.kind == Kind.DOSSIER:
        rows = rows.select_related("version")
    elif measure.kind == Kind.PROCEDURE:
        rows = rows.select_related("procedure")
    page = Paginator(rows.order_by(*ORDER[measure.kind]), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "indices/d766/drill.html",
        {
            "staff": staff,
            "criterion": criterion,
            "label": label,
            "part": PARTS[part],
            "kind": measure.kind,
            "page": page,
            "query": urlencode(query),
        },
    )
