"""Reminders fire once each, on the right working day, around the 2024 National Day holiday
(Saturday 31/08 – Tuesday 03/09 off)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.core.management import call_command
import pytest
import time_machine

from motcua.notifications.models import Message
from motcua.plans import services
from motcua.plans.reminders import remind_assignments, working_days_before
from motcua.worktime.selectors import calendar_for

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _run_on(day: date, hour: int = 7) -> int:
    with time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=VN), tick=False):
        return remind_assignments()


def _sent():
    return sorted(Message.objects.values_list("topic", "channel", "recipient"))


@pytest.fixture
def assignment(dept):
    # Due Friday 06/09/2024: 5 working days before is Wednesday 28/08, across the holiday.
    return services.create_assignment(
        dept.agency,
        source_number="4512/UBND-KT",
        source_date=date(2024, 8, 1),
        content="Báo cáo tình hình đăng ký doanh nghiệp",
        unit=dept.units["dang-ky-kinh-doanh"],
        assignee=dept.head,
        deadline=date(2024, 9, 6),
    )


def test_working_days_before_skips_weekends_and_holidays(dept):
    calendar = calendar_for(dept.agency)
    assert working_days_before(calendar, date(2024, 9, 6), 5) == date(2024, 8, 28)
    assert working_days_before(calendar, date(2024, 9, 6), 1) == date(2024, 9, 5)
    assert working_days_before(calendar, date(2024, 9, 4), 1) == date(2024, 8, 30)
    # A deadline on a day off: the reminder falls on the working day before.
    assert working_days_before(calendar, date(2024, 9, 2), 0) == date(2024, 8, 30)


def test_each_reminder_fires_once_on_its_working_day(assignment, dept):
    assert _run_on(date(2024, 8, 27)) == 0
    assert _run_on(date(2024, 8, 28)) == 2  # in the app and by e-mail
    assert _sent() == [
        ("assignment.before", "email", "tam@example.vn"),
        ("assignment.before", "in_app", "lanhdao.dkkd"),
    ]
    assert _run_on(date(2024, 8, 28), hour=15) == 0
    for quiet in (date(2024, 8, 30), date(2024, 9, 2), date(2024, 9, 4)):
        assert _run_on(quiet) == 0
    assert _run_on(date(2024, 9, 5)) == 2
    assert _run_on(date(2024, 9, 6)) == 0
    assert _run_on(date(2024, 9, 7)) == 0  # Saturday: not yet the overdue notice
    assert _run_on(date(2024, 9, 9)) == 2
    assert _run_on(date(2024, 9, 10)) == 0
    note = Message.objects.get(topic="assignment.overdue", channel="in_app")
    assert "quá hạn xử lý ngày 06/09/2024" in note.body
    assert Message.objects.count() == 6


def test_a_restarted_job_sends_nothing_twice(assignment):
    moment = datetime(2024, 9, 5, 7, tzinfo=VN)
    with time_machine.travel(moment, tick=False):
        call_command("run_plan_jobs")
        call_command("run_plan_jobs")
    assert Message.objects.count() == 2


def test_after_downtime_only_the_most_urgent_missed_reminder_is_sent(assignment):
    assert _run_on(date(2024, 9, 6)) == 2
    assert set(Message.objects.values_list("key", flat=True)) == {
        f"assignment:{assignment.pk}:reminder:before1:2024-09-06:in_app:{assignment.assignee.pk}",
        f"assignment:{assignment.pk}:reminder:before1:2024-09-06:email:{assignment.assignee.pk}",
    }


def test_an_extension_reminds_again_and_a_closed_one_is_quiet(assignment, dept):
    assert _run_on(date(2024, 9, 5)) == 2
    services.extend_assignment(
        assignment, dept.office, new_deadline=date(2024, 9, 13), reason="Chờ số liệu"
    )
    assert _run_on(date(2024, 9, 12)) == 2
    with time_machine.travel(datetime(2024, 9, 12, 9, tzinfo=VN), tick=False):
        services.mark_assignment_done(assignment, dept.head, result_document="Báo cáo 1")
        services.close_assignment(assignment, dept.head)
    assert _run_on(date(2024, 9, 16)) == 0


def test_without_an_assignee_the_unit_heads_are_reminded_in_the_app(dept):
    services.create_assignment(
        dept.agency,
        source_number="1/UBND",
        source_date=date(2024, 8, 1),
        content="Việc chung",
        unit=dept.units["xuc-tien-dau-tu"],
        deadline=date(2024, 9, 6),
    )
    assert _run_on(date(2024, 9, 5)) == 1
    assert _sent() == [("assignment.before", "in_app", "lanhdao.xtdt")]
