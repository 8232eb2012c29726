"""The draft of a report owed, as DOCX, from the data as of the end of its period: the progress
of the plans of that year and the Province's assignments; the office completes and signs it.

Dossier indices are not read here (the indices app depends on plans, not the reverse): the
draft keeps a section for them, `DOSSIER_INDICES_HEADING`, for the office to fill in."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
import io

from django.utils import timezone
from docx import Document

from .constants import TaskStatus
from .models import Assignment, Plan, PlanTask, ReportOccurrence

DOSSIER_INDICES_HEADING = "3. Kết quả giải quyết hồ sơ thủ tục hành chính"


@dataclass
class AssignmentFigures:
    received: int = 0
    open: int = 0
    overdue: int = 0
    extended: int = 0
    done: int = 0
    done_late: int = 0


@dataclass
class PlanFigures:
    plan: Plan
    by_status: Counter = field(default_factory=Counter)
    overdue: list[PlanTask] = field(default_factory=list)


def plan_figures(agency, as_of: date) -> list[PlanFigures]:
    """Each plan of the year of `as_of`: its tasks by status on that day and the overdue ones.
    Completions recorded after `as_of` are not counted yet."""
    figures = []
    for plan in Plan.objects.filter(agency=agency, year=as_of.year).order_by("issued_on", "pk"):
        entry = PlanFigures(plan)
        for task in plan.tasks.select_related("lead_unit").prefetch_related("progress"):
            reports = [p for p in task.progress.all() if p.reported_on <= as_of]
            task.report_count = len(reports)
            if task.completed_on and task.completed_on > as_of:
                task.completed_on = None
            status = task.status(as_of)
            entry.by_status[status] += 1
            if status == TaskStatus.OVERDUE:
                entry.overdue.append(task)
        figures.append(entry)
    return figures


def assignment_figures(agency, start: date, end: date) -> AssignmentFigures:
    """Assignments of the period: received in it; and, of those still open at its start or
    received since, the ones open, overdue, extended (deadline moved) or closed at its end."""
    figures = AssignmentFigures()
    for assignment in Assignment.objects.filter(agency=agency, source_date__lte=end):
        closed_on = timezone.localdate(assignment.closed_at) if assignment.closed_at else None
        if closed_on and closed_on < start:
            continue
        figures.received += assignment.source_date >= start
        figures.extended += assignment.is_extended
        if closed_on and closed_on <= end:
            if closed_on > assignment.deadline:
                figures.done_late += 1
            else:
                figures.done += 1
        elif end > assignment.deadline:
            figures.overdue += 1
        else:
            figures.open += 1
    return figures


def _table(document, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for values in rows:
        for cell, text in zip(table.add_row().cells, values):
            cell.text = text


def build_draft(occurrence: ReportOccurrence) -> bytes:
    """The DOCX draft of `occurrence`, figures as of the end of its period."""
    obligation = occurrence.obligation
    agency, start, end = obligation.agency, occurrence.period_start, occurrence.period_end
    document = Document()
    document.add_paragraph(agency.name.upper())
    document.add_heading(f"BÁO CÁO\n{obligation.name}", level=1)
    document.add_paragraph(
        f"Kỳ báo cáo: từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}. "
        f"Kính gửi: {obligation.recipient}. "
        f"Hạn nộp: {occurrence.due_on:%d/%m/%Y}."
    )

    document.add_heading("1. Kết quả thực hiện kế hoạch", level=2)
    plans = plan_figures(agency, end)
    if not plans:
        document.add_paragraph(f"Không có kế hoạch năm {end.year}.")
    for entry in plans:
        document.add_paragraph(
            f"Kế hoạch số {entry.plan.number} ngày "
            f"{entry.plan.issued_on:%d/%m/%Y}: {entry.plan.title}, "
            f"{sum(entry.by_status.values())} nhiệm vụ."
        )
        _table(
            document,
            ["Tình trạng", "Số nhiệm vụ"],
            [[status.label, str(entry.by_status[status])] for status in TaskStatus],
        )
        if entry.overdue:
            document.add_paragraph("Nhiệm vụ quá hạn:")
            _table(
                document,
                ["Stt", "Nội dung", "Hạn", "Đơn vị chủ trì"],
                [
                    [
                        task.number,
                        task.content,
                        f"{task.final_due:%d/%m/%Y}",
                        str(task.lead_unit or ""),
                    ]
                    for task in entry.overdue
                ],
            )

    document.add_heading("2. Thực hiện nhiệm vụ UBND tỉnh giao (phần mềm nhắc việc)", level=2)
    figures = assignment_figures(agency, start, end)
    _table(
        document,
        ["Chỉ tiêu", "Số nhiệm vụ"],
        [
            ["Nhận trong kỳ", str(figures.received)],
            ["Đang thực hiện, trong hạn", str(figures.open)],
            ["Quá hạn chưa hoàn thành", str(figures.overdue)],
            ["Đã gia hạn", str(figures.extended)],
            ["Hoàn thành đúng hạn", str(figures.done)],
            ["Hoàn thành trễ hạn", str(figures.done_late)],
        ],
    )

    document.add_heading(DOSSIER_INDICES_HEADING, level=2)
    document.add_paragraph(
        "(Văn phòng bổ sung số liệu hồ sơ: tiếp nhận, giải quyết đúng hạn, "
        "trễ hạn, trực tuyến, trong kỳ.)"
    )
    document.add_heading("4. Tồn tại, hạn chế và đề xuất", level=2)
    document.add_paragraph("…")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
