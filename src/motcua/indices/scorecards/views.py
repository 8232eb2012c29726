"""/chi-so/bang-diem/: the PAR INDEX and PCI scorecards of the user's agency. The office and
the administrator import trees, score and attach evidence; the director reads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render

from motcua.core.downloads import attachment
from motcua.org.models import Staff
from motcua.org.permissions import require
from motcua.org.scoping import require_staff

from ..models import Scorecard, ScorecardEvidence, ScorecardNode
from ..permissions import (
    SCORECARD_REFUSAL,
    SCORING_REFUSAL,
    may_edit_scorecards,
    may_view_scorecards,
)
from .compare import GOAL_MIN_UP, Trend, compare
from .constants import LEVEL_LABELS, ScorecardKind
from .forms import ImportForm, NodeForm
from .tree import ImportRefused
from .xlsx import import_scorecard


def _staff(request, may=may_view_scorecards) -> Staff:
    """The signed-in reader (or, with `may_edit_scorecards`, editor) of the scorecards."""
    staff = require_staff(request)
    require(may(staff), SCORECARD_REFUSAL)
    return staff


@login_required
def scorecard_list(request):
    staff = _staff(request)
    return render(
        request,
        "indices/scorecards/list.html",
        {
            "staff": staff,
            "can_edit": may_edit_scorecards(staff),
            "goal_min_up": GOAL_MIN_UP,
            "scorecards": Scorecard.objects.filter(agency=staff.agency),
        },
    )


@login_required
def scorecard_import(request):
    staff = _staff(request, may_edit_scorecards)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            scorecard = import_scorecard(
                staff.agency, data["kind"], data["year"], data["file"], data["source"]
            )
        except ImportRefused as refused:
            problems = refused.problems
            form.add_error("file", refused.message)
        else:
            messages.success(
                request,
                f"Đã nhập {scorecard.get_kind_display()} năm "
                f"{scorecard.year}: {scorecard.nodes.count()} mục.",
            )
            return redirect("indices:scorecard_detail", pk=scorecard.pk)
    return render(
        request,
        "indices/scorecards/import.html",
        {
            "staff": staff,
            "form": form,
            "problems": problems,
        },
        status=400 if problems else 200,
    )


@login_required
def scorecard_detail(request, pk: int):
    staff = _staff(request)
    scorecard = get_object_or_404(Scorecard, agency=staff.agency, pk=pk)
    nodes = scorecard.nodes.prefetch_related("evidence")
    return render(
        request,
        "indices/scorecards/tree.html",
        {
            "staff": staff,
            "scorecard": scorecard,
            "nodes": nodes,
            "levels": LEVEL_LABELS,
            "can_edit": may_edit_scorecards(staff),
        },
    )


@login_required
def scorecard_node(request, pk: int):
    staff = _staff(request)
    node = get_object_or_404(
        ScorecardNode.objects.select_related("scorecard"), scorecard__agency=staff.agency, pk=pk
    )
    can_edit = may_edit_scorecards(staff)
    if request.method == "POST":
        require(can_edit, SCORING_REFUSAL)
    form = NodeForm(request.POST or None, request.FILES or None, instance=node)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            for upload in form.cleaned_data["files"]:
                ScorecardEvidence.objects.create(
                    node=node, file=upload, name=upload.name, uploaded_by=staff
                )
        messages.success(request, f"Đã lưu mục {node.code}.")
        return redirect("indices:scorecard_node", pk=node.pk)
    return render(
        request,
        "indices/scorecards/node.html",
        {
            "staff": staff,
            "node": node,
            "form": form,
            "can_edit": can_edit,
            "level": LEVEL_LABELS[node.level],
            "evidence": node.evidence.all(),
        },
        status=400 if form.errors else 200,
    )


@login_required
def scorecard_evidence(request, pk: int):
    staff = _staff(request)
    evidence = get_object_or_404(ScorecardEvidence, node__scorecard__agency=staff.agency, pk=pk)
    return attachment(evidence.file, evidence.name)


@login_required
def scorecard_compare(request, pk: int):
    staff = _staff(request)
    scorecard = get_object_or_404(Scorecard, agency=staff.agency, pk=pk)
    comparison = compare(scorecard)
    return render(
        request,
        "indices/scorecards/compare.html",
        {
            "staff": staff,
            "scorecard": scorecard,
            "comparison": comparison,
            "Trend": Trend,
            "goal_min_up": GOAL_MIN_UP,
            "is_pci": scorecard.kind == ScorecardKind.PCI,
        },
    )
