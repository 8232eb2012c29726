from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
import pytest
import time_machine

from motcua.core.testing.files import PDF
from motcua.plans import services
from motcua.plans.constants import AssignmentState, TaskStatus
from motcua.plans.errors import PlanError
from motcua.plans.models import Evidence


@pytest.fixture
def plan(dept):
    return services.create_plan(
        dept.agency,
        number="12/KH-SKHĐT",
        issued_on=date(2024, 1, 5),
        title="Kế hoạch thử",
        year=2024,
    )


@pytest.fixture
def task(plan, dept):
    return services.add_task(
        plan,
        number="1.1",
        content="Rà soát TTHC",
        schedule_text="Quý II",
        lead_unit=dept.units["dang-ky-kinh-doanh"],
        co_units=[dept.units["mot-cua"]],
    )


def test_a_task_keeps_its_schedule_and_due_dates(task):
    assert task.schedule_kind == "quarter"
    assert task.due_list == [date(2024, 6, 30)]
    assert [u.code for u in task.co_units.all()] == ["mot-cua"]


def test_status_follows_progress_and_due_date(task, dept):
    assert task.status(date(2024, 5, 1)) == TaskStatus.NOT_STARTED
    assert task.status(date(2024, 7, 1)) == TaskStatus.OVERDUE
    with time_machine.travel(date(2024, 7, 10), tick=False):
        services.report_progress(
            task, dept.specialist, report="Đã rà soát 10 thủ tục", reported_on=date(2024, 5, 2)
        )
        assert task.status(date(2024, 5, 3)) == TaskStatus.IN_PROGRESS
        services.report_progress(task, dept.specialist, report="Xong", completes=True)
    task.refresh_from_db()
    assert task.status(date(2024, 7, 11)) == TaskStatus.DONE_LATE
    task.completed_on = date(2024, 6, 30)
    assert task.status(date(2024, 7, 11)) == TaskStatus.DONE


def test_evidence_is_stored_and_a_bad_file_refuses_the_whole_report(task, dept):
    progress = services.report_progress(
        task,
        dept.head,
        report="Báo cáo",
        files=[SimpleUploadedFile("bao-cao.pdf", PDF, content_type="application/pdf")],
    )
    assert progress.evidence.get().content_type == "application/pdf"
    fake = SimpleUploadedFile("anh.png", b"not a png", content_type="image/png")
    with pytest.raises(PlanError, match="không khớp"):
        services.report_progress(task, dept.head, report="Báo cáo 2", files=[fake])
    with pytest.raises(PlanError, match="định dạng"):
        services.report_progress(
            task, dept.head, report="Báo cáo 3", files=[SimpleUploadedFile("a.exe", b"MZ")]
        )
    assert task.progress.count() == 1 and Evidence.objects.count() == 1


def test_only_the_office_and_the_task_units_report(task, dept):
    with pytest.raises(PlanError, match="Chỉ Văn phòng Sở"):
        services.report_progress(task, dept.investment_head, report="Không phải việc của tôi")
    services.report_progress(task, dept.office, report="Văn phòng theo dõi")


@pytest.fixture
def assignment(dept):
    return services.create_assignment(
        dept.agency,
        source_number="4512/UBND-KT",
        source_date=date(2024, 8, 1),
        content="Báo cáo tình hình đăng ký doanh nghiệp",
        unit=dept.units["dang-ky-kinh-doanh"],
        assignee=dept.specialist,
        deadline=date(2024, 9, 6),
    )


def test_assignment_states(assignment, dept):
    assert assignment.state(date(2024, 9, 6)) == AssignmentState.OPEN
    assert assignment.state(date(2024, 9, 7)) == AssignmentState.OVERDUE
    with pytest.raises(PlanError, match="Lý do"):
        services.extend_assignment(
            assignment, dept.head, new_deadline=date(2024, 9, 20), reason=" "
        )
    services.extend_assignment(
        assignment, dept.head, new_deadline=date(2024, 9, 20), reason="Chờ số liệu"
    )
    services.extend_assignment(
        assignment, dept.office, new_deadline=date(2024, 9, 27), reason="Chờ ý kiến"
    )
    assignment.refresh_from_db()
    assert assignment.state(date(2024, 9, 10)) == AssignmentState.EXTENDED
    assert [(e.previous_deadline, e.new_deadline) for e in assignment.extensions.all()] == [
        (date(2024, 9, 6), date(2024, 9, 20)),
        (date(2024, 9, 20), date(2024, 9, 27)),
    ]
    with pytest.raises(PlanError, match="Hạn mới phải sau"):
        services.extend_assignment(
            assignment, dept.head, new_deadline=date(2024, 9, 27), reason="x"
        )


def test_closing_needs_the_result_and_after_the_deadline_is_late(assignment, dept):
    with time_machine.travel(date(2024, 9, 9), tick=False):
        with pytest.raises(PlanError, match="trước khi kết thúc"):
            services.close_assignment(assignment, dept.specialist)
        services.mark_assignment_done(
            assignment, dept.specialist, result_document="Báo cáo số 10/BC-SKHĐT"
        )
        closed = services.close_assignment(assignment, dept.head)
    assert closed.state(date(2024, 9, 9)) == AssignmentState.LATE
    with pytest.raises(PlanError, match="đã kết thúc"):
        services.close_assignment(closed, dept.head)


def test_closed_on_time_is_done_and_other_units_cannot_touch_it(assignment, dept):
    with pytest.raises(PlanError, match="đơn vị được giao"):
        services.mark_assignment_done(assignment, dept.investment_head, result_document="x")
    with time_machine.travel(date(2024, 9, 6), tick=False):
        services.mark_assignment_done(assignment, dept.specialist, result_document="Công văn 1")
        closed = services.close_assignment(assignment, dept.office)
    assert closed.state(date(2024, 10, 1)) == AssignmentState.DONE
