"""/chi-so/bang-diem/: the PAR INDEX and PCI scorecards of the user's agency. The office and
the administrator import trees, score and attach evidence; the director reads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render

from motcua.org.constants import Role
from motcua.org.models import Staff
from motcua.org.scoping import require_staff

from ..models import Scorecard, ScorecardEvidence, ScorecardNode
from .compare import GOAL_MIN_UP, Trend, compare
from .constants import LEVEL_LABELS, ScorecardKind
from .forms import ImportForm, NodeForm
from .tree import ImportRefused
from .xlsx import import_scorecard

READERS = (Role.OFFICE, Role.DIRECTOR, Role.ADMINISTRATOR)
EDITORS = (Role.OFFICE, Role.ADMINISTRATOR)


def _staff(request, *roles) -> Staff:
    return require_staff(request, *roles,
                         refusal="Chỉ Văn phòng và lãnh đạo được xem bộ chỉ số.")


@login_required
def scorecard_list(request):
    staff = _staff(request, *READERS)
    return render(request, "indices/scorecards/list.html", {
        "staff": staff, "can_edit": staff.has_role(*EDITORS), "goal_min_up": GOAL_MIN_UP,
        "scorecards": Scorecard.objects.filter(agency=staff.agency),
    })


@login_required
def scorecard_import(request):
    staff = _staff(request, *EDITORS)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            scorecard = import_scorecard(staff.agency, data["kind"], data["year"], data["file"],
                                         data["source"])
        except ImportRefused as refused:
            problems = refused.problems
            form.add_error("file", refused.message)
        else:
            messages.success(request, f"Đã nhập {scorecard.get_kind_display()} năm "
                                      f"{scorecard.year}: {scorecard.nodes.count()} mục.")
            return redirect("indices:scorecard_detail", pk=scorecard.pk)
    return render(request, "indices/scorecards/import.html", {
        "staff": staff, "form": form, "problems": problems,
    }, status=400 if problems else 200)


@login_required
def scorecard_detail(request, pk: int):
    staff = _staff(request, *READERS)
    scorecard = get_object_or_404(Scorecard, agency=staff.agency, pk=pk)
    nodes = scorecard.nodes.prefetch_related("evidence")
    return render(request, "indices/scorecards/tree.html", {
        "staff": staff, "scorecard": scorecard, "nodes": nodes, "levels": LEVEL_LABELS,
        "can_edit": staff.has_role(*EDITORS),
    })


@login_required
def scorecard_node(request, pk: int):
    staff = _staff(request, *READERS)
    node = get_object_or_404(ScorecardNode.objects.select_related("scorecard"),
                             scorecard__agency=staff.agency, pk=pk)
    can_edit = staff.has_role(*EDITORS)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied("Chỉ Văn phòng và Quản trị được chấm điểm.")
    form = NodeForm(request.POST or None, request.FILES or None, instance=node)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            for upload in form.cleaned_data["files"]:
                ScorecardEvidence.objects.create(node=node, file=upload, name=upload.name,
                                                 uploaded_by=staff)
        messages.success(request, f"Đã lưu mục {node.code}.")
        return redirect("indices:scorecard_node", pk=node.pk)
    return render(request, "indices/scorecards/node.html", {
        "staff": staff, "node": node, "form": form, "can_edit": can_edit,
        "level": LEVEL_LABELS[node.level], "evidence": node.evidence.all(),
    }, status=400 if form.errors else 200)


@login_required
def scorecard_evidence(request, pk: int):
    staff = _staff(request, *READERS)
    evidence = get_object_or_404(ScorecardEvidence, node__scorecard__agency=staff.agency, pk=pk)
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.name)


@login_required
def scorecard_compare(request, pk: int):
    staff = _staff(request, *READERS)
    scorecard = get_object_or_404(Scorecard, agency=staff.agency, pk=pk)
    comparison = compare(scorecard)
    return render(request, "indices/scorecards/compare.html", {
        "staff": staff, "scorecard": scorecard, "comparison": comparison, "Trend": Trend,
        "goal_min_up": GOAL_MIN_UP, "is_pci": scorecard.kind == ScorecardKind.PCI,
    })
