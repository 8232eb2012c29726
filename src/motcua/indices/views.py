"""/chi-so/: the indices of the user's agency for the current month and year, target beside
actual, for the office and the leaders."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from motcua.org.constants import Role
from motcua.org.scoping import require_staff

from .rates import indices_for
from .scope import Period, Scope

READERS = (Role.OFFICE, Role.DIRECTOR, Role.UNIT_HEAD, Role.ADMINISTRATOR)


@login_required
def dashboard(request):
    staff = require_staff(request, *READERS,
                          refusal="Chỉ Văn phòng và lãnh đạo được xem chỉ số.")
    today = timezone.localdate()
    scope = Scope(staff.agency)
    month = indices_for(scope, Period(today.replace(day=1), today))
    year = indices_for(scope, Period(date(today.year, 1, 1), today))
    return render(request, "indices/dashboard.html", {
        "staff": staff, "today": today, "month": month, "year": year,
        "rates": [(key, rate, year.rates[key]) for key, rate in month.rates.items()],
    })
