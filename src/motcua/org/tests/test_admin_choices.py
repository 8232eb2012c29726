"""A forged POST naming another agency's row is refused as an invalid choice, not saved."""

import pytest

from motcua.catalog.tests.factories import make_draft, make_published
from motcua.desk.models import Question
from motcua.org.constants import Role
from motcua.org.models import Unit
from motcua.org.tests.factories import make_staff
from motcua.portal.models import Announcement
from motcua.worktime.models import CalendarDay


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator.user)
    return client


@pytest.fixture
def foreign_unit(other_agency):
    return Unit.objects.create(agency=other_agency, code="khac", name="Phòng của Sở khác")


def invalid_choice(answer, field) -> bool:
    return answer.status_code == 200 and field in answer.context["adminform"].form.errors


def test_a_calendar_row_cannot_be_put_into_another_agency(admin_client, other_agency):
    answer = admin_client.post(
        "/quan-tri/worktime/calendarday/add/",
        {"agency": other_agency.pk, "date": "02/09/2026", "kind": "day_off", "name": "Nghỉ"},
    )
    assert invalid_choice(answer, "agency")
    assert not CalendarDay.objects.exists()


def test_an_announcement_cannot_link_another_agencys_procedure(admin_client, agency, other_agency):
    theirs = make_published(other_agency, local_code="KHAC", name="Thủ tục của Sở khác")
    answer = admin_client.post(
        "/quan-tri/portal/announcement/add/",
        {
            "agency": agency.pk,
            "title": "Thông báo",
            "body": "Nội dung",
            "published_on": "02/03/2026",
            "procedures": [theirs.procedure_id],
        },
    )
    assert invalid_choice(answer, "procedures")
    assert not Announcement.objects.exists()


def test_a_process_step_cannot_be_given_to_another_agencys_unit(admin_client, agency, foreign_unit):
    draft = make_draft(agency, local_code="X")
    management = {
        f"{prefix}-{name}": value
        for prefix in ("fees", "documents", "steps")
        for name, value in (
            ("TOTAL_FORMS", 1 if prefix == "steps" else 0),
            ("INITIAL_FORMS", 0),
            ("MIN_NUM_FORMS", 0),
            ("MAX_NUM_FORMS", 1000),
        )
    }
    answer = admin_client.post(
        f"/quan-tri/catalog/procedureversion/{draft.pk}/change/",
        {
            "name": draft.name,
            "time_limit_value": "3",
            "time_limit_unit": "working_days",
            "supplement_clock": draft.supplement_clock,
            "effective_from": "01/02/2024",
            **management,
            "steps-0-position": 1,
            "steps-0-name": "Thẩm định",
            "steps-0-unit": foreign_unit.pk,
            "steps-0-role": Role.SPECIALIST,
            "steps-0-hours": "24",
        },
    )
    assert answer.status_code == 200
    step_errors = answer.context["inline_admin_formsets"][2].formset.errors
    assert "unit" in step_errors[0]
    assert not draft.steps.exists()


def test_a_question_cannot_name_another_agencys_officer_or_procedure(
    admin_client, agency, other_agency, foreign_unit
):
    officer = make_staff("canbo-khac", other_agency, foreign_unit, Role.SPECIALIST)
    theirs = make_published(other_agency, local_code="KHAC", name="Thủ tục của Sở khác")
    answer = admin_client.post(
        "/quan-tri/desk/question/add/",
        {
            "agency": agency.pk,
            "channel": "hotline",
            "asked_at_0": "02/03/2026",
            "asked_at_1": "08:00:00",
            "asker_name": "Nguyễn Văn Hỏi",
            "subject": "Hỏi",
            "body": "Nội dung",
            "answered_by": officer.pk,
            "procedures": [theirs.procedure_id],
        },
    )
    assert invalid_choice(answer, "answered_by") and invalid_choice(answer, "procedures")
    assert not Question.objects.exists()
