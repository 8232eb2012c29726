from datetime import date

from django.utils import timezone

from motcua.demo.org_seed import load_demo_organization
from motcua.plans.constants import AssignmentState, ScheduleKind, TaskStatus
from motcua.plans.demo import load_demo_plan
from motcua.plans.models import Assignment, Plan, PlanSection, PlanTask, TaskProgress


def test_the_demo_plan_has_every_task_of_the_appendix_as_written(dept):
    assert load_demo_plan(dept.agency) == 24
    plan = Plan.objects.get(number="1186/KH-SKHĐT")
    assert (plan.issued_on, plan.year) == (date(2022, 4, 19), 2022)
    assert PlanSection.objects.filter(plan=plan).count() == 6
    numbers = list(plan.tasks.values_list("number", flat=True))
    assert numbers == [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "1.5",
        "2.1",
        "2.2",
        "2.3",
        "1.1",
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "1.5",
        "1.7",
        "1.8",
        "1.9",
        "110",
        "1.11",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "1.8",
    ]
    last = plan.tasks.last()
    assert last.content == "Tỷ lệ hồ sơ trực tuyến mức độ 3, 4"
    assert last.lead_unit.code == "dang-ky-kinh-doanh"
    assert last.section.title == "Nội dung tiếp tục duy trì, phần đầu trong năm 2022"
    report = plan.tasks.get(number="1.8", schedule_text="Tháng 6, Tháng 12")
    assert report.due_list == [date(2022, 6, 30), date(2022, 12, 31)]
    conditional = plan.tasks.get(number="1.7")
    assert conditional.schedule_kind == ScheduleKind.FREE_TEXT
    # The page break inside task 1.2's method is joined back.
    assert "Văn phòng Sở hướng dẫn, giải đáp" in plan.tasks.get(number="1.2", position=4).method


def test_the_demo_has_progress_and_assignments_in_every_state(dept):
    load_demo_plan(dept.agency)
    today = timezone.localdate()
    statuses = [task.status(today) for task in PlanTask.objects.all()]
    assert statuses.count(TaskStatus.DONE) == 2
    assert statuses.count(TaskStatus.DONE_LATE) == 1
    states = sorted(a.state(today) for a in Assignment.objects.all())
    assert states == sorted(
        [AssignmentState.OPEN, AssignmentState.OPEN, AssignmentState.EXTENDED, AssignmentState.LATE]
    )


def test_loading_twice_changes_nothing(dept):
    load_demo_plan(dept.agency)
    assert load_demo_plan(dept.agency) == 24
    assert (
        Plan.objects.count(),
        PlanTask.objects.count(),
        TaskProgress.objects.count(),
        Assignment.objects.count(),
    ) == (1, 24, 5, 4)


def test_it_fits_the_demo_department(db):
    agency = load_demo_organization()
    assert load_demo_plan(agency) == 24
    assert Assignment.objects.filter(agency=agency).count() == 4
    assert TaskProgress.objects.filter(reporter__user__username="vanphong").count() == 5
