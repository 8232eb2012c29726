"""Staff pages of the questions desk and of complaints, scoped to the staff member's agency."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from motcua.org.models import Staff, Unit
from motcua.org.permissions import require
from motcua.org.scoping import require_staff

from . import permissions, selectors, services
from .constants import QuestionTab
from .errors import DeskError
from .forms import (
    AnswerForm,
    AssignForm,
    ComplaintAnswerForm,
    ComplaintAssignForm,
    ComplaintEntryForm,
    EntryForm,
    NoteForm,
    PublishForm,
)
from .models import Complaint, Question

PAGE_SIZE = 30


def _unit_filter(request, staff, rows):
    unit = Unit.objects.filter(agency=staff.agency, pk=request.GET.get("don_vi") or 0).first()
    return (rows.filter(unit=unit) if unit else rows), unit


# --- questions ------------------------------------------------------------------------------


@login_required
def question_list(request):
    staff = require_staff(request)
    questions, unit = _unit_filter(request, staff, Question.objects.filter(agency=staff.agency))
    tab = request.GET.get("tab")
    tab = tab if tab in QuestionTab.values else QuestionTab.NEW
    page = Paginator(
        selectors.question_tab(questions.select_related("unit"), tab), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    counts = selectors.question_counts(questions)
    return render(
        request,
        "desk/staff/question_list.html",
        {
            "page": page,
            "tab": tab,
            "unit": unit,
            "tabs": [(value, label, counts[value]) for value, label in QuestionTab.choices],
            "units": Unit.objects.filter(agency=staff.agency),
        },
    )


@login_required
def question_entry(request):
    staff = require_staff(request)
    form = EntryForm(request.POST or None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            question = services.ask_question(
                staff.agency,
                channel=data["channel"],
                entered_by=staff,
                asker=services.Person(data["name"], data["email"], data["phone"]),
                subject=data["subject"],
                body=data["body"],
            )
        except DeskError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Đã ghi nhận câu hỏi {question.code}.")
            return redirect("desk:question_detail", code=question.code)
    return render(
        request,
        "desk/staff/entry.html",
        {
            "form": form,
            "title": "Nhập câu hỏi qua đường dây nóng",
        },
        status=400 if form.is_bound else 200,
    )


def _question(staff, code) -> Question:
    return get_object_or_404(
        Question.objects.filter(agency=staff.agency).select_related(
            "unit", "answered_by__user", "entered_by__user"
        ),
        code=code,
    )


def _question_page(request, staff, question, status=200, **forms):
    return render(
        request,
        "desk/staff/question_detail.html",
        {
            "question": question,
            "procedures": question.procedures.all(),
            "overdue": selectors.is_overdue(question),
            "may_assign": permissions.may_assign_question(staff, question),
            "may_answer": permissions.may_answer_question(staff, question),
            "may_publish": permissions.may_publish_question(staff, question),
            "assign_form": forms.get("assign_form")
            or AssignForm(staff.agency, initial={"unit": question.unit_id}),
            "answer_form": forms.get("answer_form") or AnswerForm(),
            "publish_form": forms.get("publish_form")
            or PublishForm(
                staff.agency, initial={"procedures": [p.pk for p in question.procedures.all()]}
            ),
        },
        status=status,
    )


@login_required
def question_detail(request, code):
    staff = require_staff(request)
    return _question_page(request, staff, _question(staff, code))


def _case_action(request, kind, code, form_name, build, act, done, allowed, refusal):
    """Check `allowed(staff, case)` (the 403 of `refusal` otherwise), validate the posted form,
    run the service on the question or complaint, report; on refusal show its page again."""
    find, page, detail = CASES[kind]
    staff = require_staff(request)
    case = find(staff, code)
    require(allowed(staff, case), refusal)
    form = build(staff, request.POST)
    if form.is_valid():
        try:
            act(case, staff, form.cleaned_data)
        except DeskError as error:
            # A message, not a form error: the refused form may not be on the page.
            messages.error(request, error.message)
        else:
            messages.success(request, done)
            return redirect(detail, code=code)
    return page(request, staff, case, status=400, **{form_name: form})


@login_required
@require_POST
def question_assign(request, code):
    return _case_action(
        request,
        "question",
        code,
        "assign_form",
        lambda s, d: AssignForm(s.agency, d),
        lambda q, s, d: services.assign_question(q, s, d["unit"]),
        "Đã giao câu hỏi cho đơn vị.",
        permissions.may_assign_question,
        permissions.ASSIGN_QUESTION_REFUSAL,
    )


@login_required
@require_POST
def question_answer(request, code):
    return _case_action(
        request,
        "question",
        code,
        "answer_form",
        lambda s, d: AnswerForm(d),
        lambda q, s, d: services.answer_question(q, s, d["answer"]),
        "Đã ghi câu trả lời.",
        permissions.may_answer_question,
        permissions.ANSWER_REFUSAL,
    )


@login_required
@require_POST
def question_publish(request, code):
    return _case_action(
        request,
        "question",
        code,
        "publish_form",
        lambda s, d: PublishForm(s.agency, d),
        lambda q, s, d: services.publish_question(
            q, s, procedures=q.agency.procedures.filter(pk__in=d["procedures"])
        ),
        "Đã đăng câu hỏi lên mục hỏi đáp.",
        permissions.may_publish_question,
        permissions.PUBLISH_REFUSAL,
    )


@login_required
@require_POST
def question_unpublish(request, code):
    staff = require_staff(request)
    question = _question(staff, code)
    require(permissions.may_publish_question(staff, question), permissions.PUBLISH_REFUSAL)
    try:
        services.unpublish_question(question, staff)
    except DeskError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Đã gỡ câu hỏi khỏi mục hỏi đáp.")
    return redirect("desk:question_detail", code=code)


# --- complaints -----------------------------------------------------------------------------


@login_required
def complaint_list(request):
    staff = require_staff(request)
    complaints, unit = _unit_filter(
        request, staff, permissions.complaints_visible_to(staff, Complaint.objects.all())
    )
    page = Paginator(selectors.complaint_worklist(complaints), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "desk/staff/complaint_list.html",
        {
            "page": page,
            "unit": unit,
            "units": Unit.objects.filter(agency=staff.agency),
            "overdue_count": complaints.filter(selectors.overdue_q()).count(),
        },
    )


@login_required
def complaint_entry(request):
    staff = require_staff(request)
    form = ComplaintEntryForm(staff.agency, request.POST or None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            complaint = services.receive_complaint(
                staff.agency,
                channel=data["channel"],
                kind=data["kind"],
                entered_by=staff,
                complainant=services.Person(data["name"], data["email"], data["phone"]),
                subject=data["subject"],
                body=data["body"],
                dossier_code=data["dossier_code"],
                officer=data["officer"],
            )
        except DeskError as error:
            form.add_error("dossier_code" if "hồ sơ" in error.message else None, error.message)
        else:
            messages.success(
                request,
                f"Đã tiếp nhận {complaint.code}; mã bí mật để người "
                f"phản ánh theo dõi: {complaint.secret}.",
            )
            if not permissions.may_see_complaint(staff, complaint):
                return redirect("desk:complaint_entry")
            return redirect("desk:complaint_detail", code=complaint.code)
    return render(
        request,
        "desk/staff/entry.html",
        {
            "form": form,
            "title": "Nhập phản ánh, kiến nghị",
        },
        status=400 if form.is_bound else 200,
    )


def _complaint(staff, code) -> Complaint:
    """The complaint of the staff member's agency, if they may see it (a 403 otherwise): its
    complainant's name and contacts are on every page that shows it."""
    complaint = get_object_or_404(
        Complaint.objects.filter(agency=staff.agency).select_related(
            "unit", "officer__user", "dossier", "answered_by__user", "entered_by__user"
        ),
        code=code,
    )
    require(
        permissions.may_see_complaint(staff, complaint),
        permissions.handle_refusal(staff, complaint),
    )
    return complaint


def _complaint_page(request, staff, complaint, status=200, **forms):
    return render(
        request,
        "desk/staff/complaint_detail.html",
        {
            "complaint": complaint,
            "overdue": selectors.is_overdue(complaint),
            "notes": complaint.notes.select_related("author__user"),
            "may_handle": permissions.may_handle_complaint(staff, complaint),
            "may_assign": permissions.may_assign_complaint(staff, complaint),
            "assign_form": forms.get("assign_form")
            or ComplaintAssignForm(
                staff.agency, initial={"unit": complaint.unit_id, "officer": complaint.officer_id}
            ),
            "note_form": forms.get("note_form") or NoteForm(),
            "answer_form": forms.get("answer_form") or ComplaintAnswerForm(),
        },
        status=status,
    )


@login_required
def complaint_detail(request, code):
    staff = require_staff(request)
    return _complaint_page(request, staff, _complaint(staff, code))


@login_required
@require_POST
def complaint_assign(request, code):
    return _case_action(
        request,
        "complaint",
        code,
        "assign_form",
        lambda s, d: ComplaintAssignForm(s.agency, d),
        lambda c, s, d: services.assign_complaint(c, s, d["unit"], officer=d["officer"]),
        "Đã giao phản ánh cho đơn vị xử lý.",
        permissions.may_assign_complaint,
        permissions.ASSIGN_COMPLAINT_REFUSAL,
    )


@login_required
@require_POST
def complaint_note(request, code):
    return _case_action(
        request,
        "complaint",
        code,
        "note_form",
        lambda s, d: NoteForm(d),
        lambda c, s, d: services.add_note(c, s, d["text"]),
        "Đã ghi nội dung xác minh.",
        permissions.may_handle_complaint,
        permissions.HANDLE_REFUSAL,
    )


@login_required
@require_POST
def complaint_answer(request, code):
    return _case_action(
        request,
        "complaint",
        code,
        "answer_form",
        lambda s, d: ComplaintAnswerForm(d),
        lambda c, s, d: services.answer_complaint(c, s, d["answer"], d["outcome"]),
        "Đã trả lời phản ánh.",
        permissions.may_handle_complaint,
        permissions.HANDLE_REFUSAL,
    )


@login_required
@require_POST
def complaint_close(request, code):
    staff = require_staff(request)
    complaint = _complaint(staff, code)
    require(
        permissions.may_handle_complaint(staff, complaint),
        permissions.handle_refusal(staff, complaint),
    )
    try:
        services.close_complaint(complaint, staff)
    except DeskError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Đã kết thúc phản ánh.")
    return redirect("desk:complaint_detail", code=code)


@login_required
def officer_record(request, pk):
    staff = require_staff(request)
    officer = get_object_or_404(
        Staff.objects.select_related("user", "unit"), pk=pk, agency=staff.agency
    )
    require(permissions.may_view_officer_record(staff, officer), permissions.RECORD_REFUSAL)
    complaints, counts = selectors.officer_record(officer)
    complaints = list(complaints)
    for complaint in complaints:
        complaint.openable = permissions.may_see_complaint(staff, complaint)
    return render(
        request,
        "desk/staff/officer_record.html",
        {
            "officer": officer,
            "complaints": complaints,
            "counts": counts,
        },
    )


# How _case_action finds a case, shows its page and names its address.
CASES = {
    "question": (_question, _question_page, "desk:question_detail"),
    "complaint": (_complaint, _complaint_page, "desk:complaint_detail"),
}
