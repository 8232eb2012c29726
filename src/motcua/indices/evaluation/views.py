"""/chi-so/danh-gia/: the Circular 01/2018 evaluation of the user's agency for a quarter or a
year — the nine indices, the agency's grade, the officers ranked with their grades. A unit
head who is not also a director or the office sees the officers of their unit."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from motcua.org.constants import Role
from motcua.org.scoping import require_staff

from ..d766.periods import QUARTER, YEAR, picked_period
from .compute import evaluation_for, visible_officers

READERS = (Role.OFFICE, Role.DIRECTOR, Role.UNIT_HEAD, Role.ADMINISTRATOR)


@login_required
def evaluation(request):
    staff = require_staff(request, *READERS,
                          refusal="Chỉ Văn phòng và lãnh đạo được xem kết quả đánh giá.")
    form, period, label, _ = picked_period(request.GET, timezone.localdate(), QUARTER,
                                           kinds=(QUARTER, YEAR))
    officers = visible_officers(staff)
    result = evaluation_for(staff.agency, period, officers=officers)
    return render(request, "indices/evaluation/evaluation.html", {
        "staff": staff, "form": form, "label": label, "evaluation": result,
        "unit_only": officers is not None,
    })
