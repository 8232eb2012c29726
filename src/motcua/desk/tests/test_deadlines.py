"""Answer deadlines are counted in working days on the agency's calendar, from receipt."""

from django.test import override_settings

from motcua.worktime.constants import DayKind
from motcua.worktime.models import CalendarDay

from .conftest import ask, complain, vn


def test_a_question_is_due_five_working_days_later_skipping_the_weekend_and_national_day(world):
    # Friday 30/08/2024; 2 and 3 September 2024 are the National Day holidays.
    question = ask(world, at=vn(2024, 8, 30, 9, 0))
    assert question.due_at == vn(2024, 9, 10, 9, 0)


def test_a_complaint_is_due_fifteen_working_days_later(world):
    complaint = complain(world, at=vn(2024, 8, 30, 9, 0))
    assert complaint.due_at == vn(2024, 9, 24, 9, 0)


def test_the_agency_calendar_and_the_setting_are_used(world):
    CalendarDay.objects.create(
        agency=world.agency, date=vn(2024, 9, 4).date(), kind=DayKind.DAY_OFF, name="Nghỉ bù"
    )
    with override_settings(MOTCUA_QUESTION_ANSWER_DAYS=1):
        question = ask(world, at=vn(2024, 8, 30, 16, 0))
    # One working day from 16:00 Friday: the weekend, two holidays and the agency's day off.
    assert question.due_at == vn(2024, 9, 5, 16, 0)


def test_a_question_arriving_at_night_counts_from_the_next_opening(world):
    question = ask(world, at=vn(2024, 8, 29, 22, 0))  # Thursday night: from Friday 07:00
    assert question.due_at == vn(2024, 9, 10, 7, 0)
