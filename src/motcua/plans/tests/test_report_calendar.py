"""The reports the office owes: occurrences, reminders on working days, submission, the draft."""

from datetime import date, datetime
import io
from zoneinfo import ZoneInfo

from django.core.management import call_command
from docx import Document
import pytest
import time_machine

from motcua.notifications.models import Message
from motcua.plans import services
from motcua.plans.constants import Recurrence, ReportState
from motcua.plans.demo import load_demo_plan, load_demo_report_calendar
from motcua.plans.errors import PlanError
from motcua.plans.models import Assignment, ReportObligation, ReportOccurrence
from motcua.plans.report_calendar import occurrences_for, record_submission
from motcua.plans.report_draft import DOSSIER_INDICES_HEADING, assignment_figures, build_draft
from motcua.plans.report_reminders import remind_reports

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _at(day: date, hour: int = 7):
    return time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=VN), tick=False)


def _run_on(day: date, hour: int = 7) -> int:
    with _at(day, hour):
        return remind_reports()


@pytest.fixture
def half_year(dept):
    """Due Saturday 25/05/2024: owed Friday 24/05; reminded 17/05 and 23/05."""
    dept.office.user.email = "vanphong@example.vn"
    dept.office.user.save()
    return ReportObligation.objects.create(
        agency=dept.agency,
        code="cchc-6-thang",
        name="Báo cáo CCHC 6 tháng",
        recipient="Sở Nội vụ",
        recurrence=Recurrence.YEARLY,
        day=25,
        month=5,
        active_from=date(2024, 1, 1),
    )


def test_the_demo_calendar_is_loaded_once_with_due_dates_on_working_days(dept):
    assert load_demo_report_calendar(dept.agency) == 4
    assert load_demo_report_calendar(dept.agency) == 4
    occurrences = occurrences_for(dept.agency, 2024)
    assert len(occurrences) == 3 + 12
    assert occurrences_for(dept.agency, 2024) == occurrences
    due = {(o.obligation.code, o.period_end): o.due_on for o in occurrences}
    assert due[("cchc-6-thang", date(2024, 5, 25))] == date(2024, 5, 24)  # Saturday → Friday
    assert due[("cchc-nam", date(2024, 11, 20))] == date(2024, 11, 20)
    assert due[("chi-so-hai-long-cchc", date(2024, 12, 15))] == date(2024, 12, 13)
    assert due[("giao-ban-thang", date(2024, 8, 25))] == date(2024, 8, 23)
    february = next(o for o in occurrences if o.period_end.month == 2)
    assert (february.period_start, february.period_end) == (date(2024, 2, 1), date(2024, 2, 25))


def test_each_report_reminder_fires_once_on_its_working_day(half_year):
    assert _run_on(date(2024, 5, 16)) == 0
    assert _run_on(date(2024, 5, 17)) == 2  # in the app and by e-mail
    assert _run_on(date(2024, 5, 17), hour=15) == 0
    assert _run_on(date(2024, 5, 20)) == 0
    assert _run_on(date(2024, 5, 23)) == 2
    assert _run_on(date(2024, 5, 24)) == 0
    assert _run_on(date(2024, 5, 25)) == 0  # Saturday
    assert _run_on(date(2024, 5, 27)) == 2
    assert _run_on(date(2024, 5, 28)) == 0
    assert sorted(Message.objects.values_list("topic", "channel")) == [
        ("report.before", "email"),
        ("report.before", "email"),
        ("report.before", "in_app"),
        ("report.before", "in_app"),
        ("report.overdue", "email"),
        ("report.overdue", "in_app"),
    ]
    note = Message.objects.get(topic="report.overdue", channel="in_app")
    assert "quá hạn nộp ngày 24/05/2024" in note.body


def test_a_restarted_job_sends_nothing_twice(half_year):
    with _at(date(2024, 5, 23)):
        call_command("run_plan_jobs", stdout=io.StringIO())
        call_command("run_plan_jobs", stdout=io.StringIO())
    assert Message.objects.filter(topic="report.before").count() == 2


def test_a_submitted_report_is_quiet(half_year, dept):
    occurrence = occurrences_for(dept.agency, 2024)[0]
    with _at(date(2024, 5, 21)):
        record_submission(
            occurrence, dept.office, submitted_on=date(2024, 5, 21), document_number="1020/BC-SKHĐT"
        )
    assert _run_on(date(2024, 5, 23)) == 0
    assert _run_on(date(2024, 5, 27)) == 0


def test_a_report_due_before_it_was_followed_is_not_reminded(half_year):
    half_year.active_from = date(2024, 5, 25)
    half_year.save()
    assert _run_on(date(2024, 5, 23)) == 0
    assert _run_on(date(2024, 5, 27)) == 0


def test_submission_is_recorded_once_by_the_office(half_year, dept):
    occurrence = occurrences_for(dept.agency, 2024)[0]
    with _at(date(2024, 5, 28)):
        with pytest.raises(PlanError, match="Văn phòng"):
            record_submission(
                occurrence, dept.head, submitted_on=date(2024, 5, 27), document_number="1/BC"
            )
        with pytest.raises(PlanError, match="sau hôm nay"):
            record_submission(
                occurrence, dept.office, submitted_on=date(2024, 5, 29), document_number="1/BC"
            )
        with pytest.raises(PlanError, match="Số văn bản"):
            record_submission(
                occurrence, dept.office, submitted_on=date(2024, 5, 27), document_number=" "
            )
        assert occurrence.state(date(2024, 5, 28)) == ReportState.OVERDUE
        done = record_submission(
            occurrence, dept.office, submitted_on=date(2024, 5, 27), document_number="1/BC"
        )
        with pytest.raises(PlanError, match="đã ghi nhận"):
            record_submission(
                occurrence, dept.office, submitted_on=date(2024, 5, 27), document_number="2/BC"
            )
    assert done.state(date(2024, 6, 1)) == ReportState.LATE
    assert done.submitted_by == dept.office


def _assignment(dept, number, received, deadline):
    return services.create_assignment(
        dept.agency,
        source_number=number,
        source_date=received,
        content=f"Việc {number}",
        unit=dept.units["van-phong"],
        deadline=deadline,
    )


def test_assignment_figures_of_a_period(dept):
    start, end = date(2024, 1, 1), date(2024, 5, 25)
    _assignment(dept, "old-open", date(2023, 12, 1), date(2024, 6, 30))
    _assignment(dept, "overdue", date(2024, 2, 1), date(2024, 3, 1))
    extended = _assignment(dept, "extended", date(2024, 3, 1), date(2024, 4, 1))
    late = _assignment(dept, "late", date(2024, 3, 1), date(2024, 3, 15))
    closed_before = _assignment(dept, "closed-before", date(2023, 11, 1), date(2023, 11, 30))
    _assignment(dept, "after", date(2024, 6, 1), date(2024, 6, 30))
    with _at(date(2024, 3, 20)):
        services.extend_assignment(
            extended, dept.office, new_deadline=date(2024, 6, 1), reason="Chờ số liệu"
        )
        services.mark_assignment_done(late, dept.office, result_document="BC 1")
        services.close_assignment(late, dept.office)
    with _at(date(2023, 11, 20)):
        services.mark_assignment_done(closed_before, dept.office, result_document="BC 0")
        services.close_assignment(closed_before, dept.office)
    figures = assignment_figures(dept.agency, start, end)
    assert (
        figures.received,
        figures.open,
        figures.overdue,
        figures.extended,
        figures.done,
        figures.done_late,
    ) == (3, 2, 1, 1, 0, 1)
    assert Assignment.objects.count() == 6


def test_the_draft_holds_plan_progress_assignments_and_room_for_the_indices(dept):
    load_demo_plan(dept.agency)
    load_demo_report_calendar(dept.agency)
    with _at(date(2022, 12, 1)):
        _assignment(dept, "4001/UBND", date(2022, 11, 1), date(2022, 11, 30))
    occurrence = next(
        o for o in occurrences_for(dept.agency, 2022) if o.obligation.code == "chi-so-hai-long-cchc"
    )
    document = Document(io.BytesIO(build_draft(occurrence)))
    text = "\n".join(p.text for p in document.paragraphs)
    status, overdue, assignments = (
        [[c.text for c in row.cells] for row in table.rows] for table in document.tables
    )
    assert "Kỳ báo cáo: từ ngày 01/01/2022 đến ngày 15/12/2022" in text
    assert "Kế hoạch số 1186/KH-SKHĐT ngày 19/04/2022" in text and "24 nhiệm vụ" in text
    # "Ngày thứ bảy tình nguyện" was completed on 20/12/2022, after the period: not done yet.
    assert dict(status[1:]) == {
        "Chưa thực hiện": "19",
        "Đang thực hiện": "1",
        "Hoàn thành": "2",
        "Hoàn thành trễ hạn": "0",
        "Quá hạn": "2",
    }
    assert [(row[0], row[2]) for row in overdue[1:]] == [("1.3", "30/06/2022")] * 2
    assert dict(assignments[1:])["Nhận trong kỳ"] == "1"
    assert dict(assignments[1:])["Quá hạn chưa hoàn thành"] == "1"
    assert DOSSIER_INDICES_HEADING in text


def test_reports_of_next_january_are_made_in_december(dept):
    ReportObligation.objects.create(
        agency=dept.agency,
        code="thang",
        name="Giao ban",
        recipient="Giám đốc Sở",
        recurrence=Recurrence.MONTHLY,
        day=5,
        active_from=date(2024, 1, 1),
    )
    _run_on(date(2024, 12, 30))
    assert ReportOccurrence.objects.filter(period_end=date(2025, 1, 5)).exists()
