"""/chi-so/: the indices of the user's agency for the current month and year, target beside
actual, for the office and the leaders."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from motcua.org.constants import Role
from motcua.org.models import Staff
from motcua.org.scoping import staff_of

from .rates import indices_for
from .scope import Period, Scope

READERS = (Role.OFFICE, Role.DIRECTOR, Role.UNIT_HEAD, Role.ADMINISTRATOR)


@login_required
def dashboard(request):
    staff = staff_of(request.user)
    if staff is None:
        raise PermissionDenied("Tài khoản chưa gắn với cơ quan nào.")
    staff = Staff.objects.prefetch_related("user__groups").select_related("agency").get(
        pk=staff.pk)
    if not staff.has_role(*READERS):
        raise PermissionDenied("Chỉ Văn phòng và lãnh đạo được xem chỉ số.")
    today = timezone.localdate()
    scope = Scope(staff.agency)
    month = indices_for(scope, Period(today.replace(day=1), today))
    year = indices_for(scope, Period(date(today.year, 1, 1), today))
    return render(request, "indices/dashboard.html", {
        "staff": staff, "today": today, "month": month, "year": year,
        "rates": [(key, rate, year.rates[key]) for key, rate in month.rates.items()],
    })
