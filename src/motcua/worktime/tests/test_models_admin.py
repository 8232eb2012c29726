"""Agency settings and calendar rows: defaults, invariants, the official rows, the admin pages."""

from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
import pytest

from motcua.worktime.calendar import WorkingCalendar
from motcua.worktime.constants import DayKind
from motcua.worktime.models import CalendarDay, WorkSchedule
from motcua.worktime.official_rows import OFFICIAL_ROWS, load_official_rows
from motcua.worktime.selectors import calendar_for

ROWS_URL = "/quan-tri/worktime/calendarday/"
SCHEDULES_URL = "/quan-tri/worktime/workschedule/"


def make_row(agency, day, kind=DayKind.DAY_OFF, name="Nghỉ lễ của tỉnh"):
    return CalendarDay.objects.create(
        agency=agency, date=day, kind=kind, name=name, source="Quyết định 1/QĐ-UBND"
    )


def test_an_agency_without_settings_gets_the_defaults(agency, django_assert_num_queries):
    with django_assert_num_queries(2):
        calendar = calendar_for(agency)
    assert calendar == WorkingCalendar()


def test_the_calendar_is_built_from_the_settings_and_rows(agency, other_agency):
    WorkSchedule.objects.create(
        agency=agency,
        morning_start=time(7, 30),
        afternoon_end=time(16, 30),
        weekend_days=[6],
        national_holidays=False,
    )
    make_row(agency, date(2026, 3, 2))
    make_row(agency, date(2026, 3, 8), DayKind.WORKING_DAY, "Làm bù")
    make_row(other_agency, date(2026, 3, 3))
    assert calendar_for(agency.pk) == WorkingCalendar(
        periods=((time(7, 30), time(11, 30)), (time(13, 30), time(16, 30))),
        weekend=frozenset({6}),
        national_holidays=False,
        extra_days_off=frozenset({date(2026, 3, 2)}),
        extra_working_days=frozenset({date(2026, 3, 8)}),
    )


def test_loading_the_official_rows_is_idempotent(agency):
    assert load_official_rows(agency) == len(OFFICIAL_ROWS)
    assert load_official_rows(agency) == 0
    loaded = {(row.date, row.kind, row.source) for row in CalendarDay.objects.filter(agency=agency)}
    assert loaded == {(row.date, row.kind, row.source) for row in OFFICIAL_ROWS}


def test_loading_the_official_rows_keeps_the_agency_own_decision(agency):
    first = OFFICIAL_ROWS[0]
    make_row(agency, first.date, DayKind.WORKING_DAY, "Trực làm việc")
    assert load_official_rows(agency) == len(OFFICIAL_ROWS) - 1
    assert CalendarDay.objects.get(agency=agency, date=first.date).kind == DayKind.WORKING_DAY


def test_one_row_per_agency_and_date(agency, other_agency):
    make_row(agency, date(2026, 3, 2))
    make_row(other_agency, date(2026, 3, 2))
    with pytest.raises(IntegrityError), transaction.atomic():
        make_row(agency, date(2026, 3, 2), DayKind.WORKING_DAY)


def test_working_hours_out_of_order_are_refused_by_the_database(agency):
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkSchedule.objects.create(agency=agency, morning_end=time(14, 0))


def test_working_hours_out_of_order_are_explained(agency):
    schedule = WorkSchedule(agency=agency, morning_end=time(14, 0))
    with pytest.raises(ValidationError, match="Giờ làm việc phải theo thứ tự"):
        schedule.full_clean()


def test_a_week_without_working_days_is_explained(agency):
    schedule = WorkSchedule(agency=agency, weekend_days=list(range(7)))
    with pytest.raises(ValidationError, match="ít nhất một ngày làm việc"):
        schedule.full_clean()


def test_administrator_sees_only_the_rows_of_their_agency(client, administrator, other_agency):
    make_row(administrator.agency, date(2026, 3, 2), name="Ngày của Sở Kế hoạch")
    make_row(other_agency, date(2026, 3, 3), name="Ngày của Sở Tài chính")
    client.force_login(administrator.user)
    html = client.get(ROWS_URL).content.decode()
    assert "Ngày của Sở Kế hoạch" in html
    assert "Ngày của Sở Tài chính" not in html


def row_form(agency, day="2026-03-02", kind=DayKind.DAY_OFF):
    return {
        "agency": agency.pk,
        "date": day,
        "kind": kind,
        "name": "Nghỉ lễ của tỉnh",
        "source": "Quyết định 1/QĐ-UBND",
    }


def test_administrator_adds_a_row_for_their_agency_only(client, administrator, other_agency):
    client.force_login(administrator.user)
    response = client.post(ROWS_URL + "add/", row_form(administrator.agency))
    assert response.status_code == 302
    assert CalendarDay.objects.filter(agency=administrator.agency, date=date(2026, 3, 2)).exists()
    response = client.post(ROWS_URL + "add/", row_form(other_agency, "2026-03-03"))
    assert response.status_code == 200  # the form again, with the error
    assert not CalendarDay.objects.filter(agency=other_agency).exists()


def test_the_admin_explains_a_second_row_for_the_same_date(client, administrator):
    make_row(administrator.agency, date(2026, 3, 2))
    client.force_login(administrator.user)
    response = client.post(ROWS_URL + "add/", row_form(administrator.agency))
    assert "Cơ quan đã có một dòng lịch cho ngày này." in response.content.decode()


def schedule_form(agency, weekend):
    return {
        "agency": agency.pk,
        "morning_start": "07:30",
        "morning_end": "11:30",
        "afternoon_start": "13:30",
        "afternoon_end": "17:00",
        "weekend_days": weekend,
        "national_holidays": "on",
    }


def test_administrator_sets_the_weekly_days_off_with_check_boxes(client, administrator):
    client.force_login(administrator.user)
    form = client.get(SCHEDULES_URL + "add/").content.decode()
    assert 'type="checkbox" name="weekend_days"' in form
    response = client.post(SCHEDULES_URL + "add/", schedule_form(administrator.agency, ["6"]))
    assert response.status_code == 302
    schedule = WorkSchedule.objects.get(agency=administrator.agency)
    assert schedule.weekend_days == [6]
    assert calendar_for(administrator.agency).periods[0] == (time(7, 30), time(11, 30))


def test_the_admin_refuses_a_week_without_working_days(client, administrator):
    client.force_login(administrator.user)
    all_days = [str(day) for day in range(7)]
    response = client.post(SCHEDULES_URL + "add/", schedule_form(administrator.agency, all_days))
    assert "Phải có ít nhất một ngày làm việc trong tuần." in response.content.decode()
    assert not WorkSchedule.objects.exists()
