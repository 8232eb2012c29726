"""The dashboards: the agency's (director, office), a unit's (its head; leaders pick any unit),
an officer's own, and the public page of the agency's published indices."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from motcua.dossiers.models import Dossier
from motcua.org.models import Agency, Unit
from motcua.org.permissions import require
from motcua.org.scoping import require_staff
from motcua.worktime.selectors import calendar_for

from . import charts
from .constants import TargetKey
from .dashboards import (
    last_months,
    officer_ranking,
    on_time_trend,
    online_trend,
    satisfaction_trend,
    unit_ranking,
    urgent,
)
from .permissions import (
    AGENCY_REFUSAL,
    UNIT_REFUSAL,
    is_leader,
    is_unit_head,
    may_pick_unit,
    may_view_agency,
    may_view_unit,
)
from .rates import indices_for
from .scope import Period, Scope

RANKING_CHART_ROWS = 15


def _year_and_month(scope: Scope, today: date, now):
    month = indices_for(scope, Period(today.replace(day=1), today), now)
    year = indices_for(scope, Period(date(today.year, 1, 1), today), now)
    return month, year


def _trends(scope: Scope, today: date, year=None) -> list:
    """The 12-month charts; with the year's indices, each with its target line."""
    months = last_months(today)
    series = (
        (
            "Tỷ lệ giải quyết trước hạn, đúng hạn theo tháng",
            TargetKey.ON_TIME,
            on_time_trend(scope, months, today),
        ),
        ("Tỷ lệ hồ sơ trực tuyến theo tháng", TargetKey.ONLINE, online_trend(scope, months, today)),
        (
            "Tỷ lệ hài lòng của người dân theo tháng",
            TargetKey.TTHC_SATISFACTION,
            satisfaction_trend(scope, months, today),
        ),
    )
    return [
        charts.trend(
            title,
            [charts.Point(p.label, p.value) for p in points],
            year.rates[key].target if year else None,
        )
        for title, key, points in series
    ]


def _timeliness_chart(year) -> str:
    finished = year.finished
    return charts.stacked(
        f"Hồ sơ đã giải quyết năm {year.period.end.year}: trước hạn, đúng hạn, trễ hạn",
        [
            charts.Part("Trước hạn", finished.early, charts.EARLY),
            charts.Part("Đúng hạn", finished.on_time, charts.ON_TIME),
            charts.Part("Trễ hạn", finished.late, charts.LATE),
        ],
    )


def _ranking_chart(title: str, rows, target) -> str:
    return charts.ranking(
        title, [charts.Point(r.label, r.on_time) for r in rows[:RANKING_CHART_ROWS]], target
    )


def _board(staff, scope: Scope, urgent_dossiers, today: date, now) -> dict:
    month, year = _year_and_month(scope, today, now)
    return {
        "staff": staff,
        "is_leader": is_leader(staff),
        "is_unit_head": is_unit_head(staff),
        "today": today,
        "month": month,
        "year": year,
        "rates": [(key, rate, year.rates[key]) for key, rate in month.rates.items()],
        "trends": _trends(scope, today, year),
        "timeliness_chart": _timeliness_chart(year),
        "urgent": urgent(urgent_dossiers, calendar_for(scope.agency), now),
    }


@login_required
def own_page(request):
    """The menu's "Chỉ số": the agency's page for leaders, the unit's for a unit head, one's
    own for everyone else."""
    staff = require_staff(request)
    if is_leader(staff):
        return redirect("indices:dashboard")
    if is_unit_head(staff):
        return redirect("indices:unit_dashboard")
    return redirect("indices:personal_dashboard")


@login_required
def dashboard(request):
    """The agency's page; a unit head is sent to their unit's. Others have their own page."""
    staff = require_staff(request)
    if not may_view_agency(staff, staff.agency_id) and is_unit_head(staff):
        return redirect("indices:unit_dashboard")
    require(may_view_agency(staff, staff.agency_id), AGENCY_REFUSAL)
    today, now = timezone.localdate(), timezone.now()
    scope = Scope(staff.agency)
    context = _board(staff, scope, scope.dossiers(), today, now)
    period = Period(date(today.year, 1, 1), today)
    units = unit_ranking(staff.agency, period, now)
    officers = officer_ranking(staff.agency, period, now)
    target = context["year"].rates[TargetKey.ON_TIME].target
    context.update(
        heading="Chỉ số giải quyết hồ sơ của cơ quan",
        units=units,
        officers=officers,
        units_chart=_ranking_chart("Đơn vị xếp theo tỷ lệ đúng hạn trong năm", units, target),
        officers_chart=_ranking_chart(
            f"{min(len(officers), RANKING_CHART_ROWS)} cán bộ đứng đầu theo tỷ lệ đúng hạn",
            officers,
            target,
        ),
    )
    return render(request, "indices/dashboard.html", context)


@login_required
def unit_dashboard(request):
    """A unit head's own unit; the leaders may pick any unit of the agency (?don-vi=code), as
    the API's `unit=` does; another unit is refused to a unit head as the API refuses it."""
    staff = require_staff(request)
    units = Unit.objects.filter(agency=staff.agency)
    code = request.GET.get("don-vi")
    unit = get_object_or_404(units, code=code) if code else staff.unit
    require(unit is not None and may_view_unit(staff, unit), UNIT_REFUSAL)
    today, now = timezone.localdate(), timezone.now()
    scope = Scope(staff.agency, unit=unit)
    held = Dossier.objects.filter(agency=staff.agency, current_unit=unit)
    context = _board(staff, scope, held, today, now)
    officers = officer_ranking(staff.agency, Period(date(today.year, 1, 1), today), now, unit)
    context.update(
        unit=unit,
        heading=f"Chỉ số của {unit.name}",
        officers=officers,
        units_to_pick=units if may_pick_unit(staff) else None,
        officers_chart=_ranking_chart(
            "Cán bộ của đơn vị xếp theo tỷ lệ đúng hạn trong năm",
            officers,
            context["year"].rates[TargetKey.ON_TIME].target,
        ),
    )
    return render(request, "indices/dashboard.html", context)


@login_required
def personal_dashboard(request):
    """An officer's own figures: the dossiers with a step they handled, and what they hold."""
    staff = require_staff(request)
    today, now = timezone.localdate(), timezone.now()
    scope = Scope(staff.agency, officer=staff)
    held = Dossier.objects.filter(agency=staff.agency, current_assignee=staff)
    context = _board(staff, scope, held, today, now)
    context["heading"] = f"Chỉ số của tôi: {staff.full_name}"
    return render(request, "indices/dashboard.html", context)


def public(request, code: str):
    """The agency's published indices, as the national portal shows them: aggregate figures
    of the year so far and the last twelve months, no names."""
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise Http404("Không tìm thấy cơ quan.")
    today = timezone.localdate()
    scope = Scope(agency)
    year = indices_for(scope, Period(date(today.year, 1, 1), today))
    return render(
        request,
        "indices/public.html",
        {
            "agency": agency,
            "today": today,
            "year": year,
            "on_time": year.rates[TargetKey.ON_TIME],
            "online": year.rates[TargetKey.ONLINE],
            "published": [
                year.rates[TargetKey.TTHC_SATISFACTION],
                year.rates[TargetKey.INVESTMENT_SATISFACTION],
            ],
            "trends": _trends(scope, today),
        },
    )
