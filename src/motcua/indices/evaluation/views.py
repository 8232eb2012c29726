"""/chi-so/danh-gia/: the Circular 01/2018 evaluation of the user's agency for a quarter or a
year — the nine indices, the agency's grade, the officers ranked with their grades. A unit
head who is not also a director or the office sees the officers of their unit."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from motcua.org.permissions import require
from motcua.org.scoping import require_staff

from ..d766.periods import QUARTER, YEAR, picked_period
from ..permissions import EVALUATION_REFUSAL, graded_officers, may_view_evaluation
from .compute import evaluation_for


@login_required
def evaluation(request):
    staff = require_staff(request)
    require(may_view_evaluation(staff), EVALUATION_REFUSAL)
    form, period, label, _ = picked_period(
        request.GET, timezone.localdate(), QUARTER, kinds=(QUARTER, YEAR)
    )
    officers = graded_officers(staff)
    result = evaluation_for(staff.agency, period, officers=officers)
    return render(
        request,
        "indices/evaluation/evaluation.html",
        {
            "staff": staff,
            "form": form,
            "label": label,
            "evaluation": result,
            "unit_only": officers is not None,
        },
    )
