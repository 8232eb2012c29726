"""Consultations and the late-consultation ladder, driven by the scheduled job in frozen time."""

from django.core.management import call_command
import pytest
import time_machine

from motcua.dossiers import services
from motcua.dossiers.constants import Action
from motcua.dossiers.errors import InvalidInput, NotAllowedInState
from motcua.dossiers.tasks import remind_late_consultations

from .conftest import vn


@pytest.fixture
def consultation(world):
    dossier = services.forward(world.receive(), world.officer, at=vn(2024, 3, 4, 10, 0))
    dossier = services.assign(dossier, world.head, world.specialist, at=vn(2024, 3, 4, 10, 0))
    return services.consult(
        dossier,
        world.specialist,
        "Sở Tài chính tỉnh Khánh Hòa",
        "Đề nghị cho ý kiến về vốn điều lệ",
        3,
        at=vn(2024, 3, 4, 14, 0),
    )


def _run_job_at(*moment):
    with time_machine.travel(vn(*moment), tick=False):
        return remind_late_consultations()


def test_consultation_has_its_own_deadline(consultation):
    assert consultation.due_at == vn(2024, 3, 7, 14, 0)
    assert consultation.dossier.events.last().action == Action.CONSULT


def test_reminder_then_second_reminder_then_escalation(consultation):
    events = consultation.dossier.events
    assert _run_job_at(2024, 3, 7, 13, 59) == 0  # not late yet
    assert _run_job_at(2024, 3, 7, 14, 1) == 1
    consultation.refresh_from_db()
    assert consultation.first_reminder_at == vn(2024, 3, 7, 14, 1)
    assert _run_job_at(2024, 3, 8, 9, 0) == 0, "the first reminder fires once"
    # Two working days after the first reminder (the weekend does not count).
    assert _run_job_at(2024, 3, 11, 14, 0) == 0
    assert _run_job_at(2024, 3, 11, 14, 1) == 1
    consultation.refresh_from_db()
    assert consultation.second_reminder_at == vn(2024, 3, 11, 14, 1)
    assert _run_job_at(2024, 3, 13, 14, 1) == 1
    consultation.refresh_from_db()
    assert consultation.escalated_at == vn(2024, 3, 13, 14, 1)
    assert _run_job_at(2024, 3, 20, 9, 0) == 0, "nothing more after the escalation"
    ladder = list(
        events.filter(
            action__in=[Action.REMIND_CONSULTATION, Action.ESCALATE_CONSULTATION]
        ).values_list("action", "data__reminder", "actor_name")
    )
    assert ladder == [
        (Action.REMIND_CONSULTATION, 1, "Hệ thống"),
        (Action.REMIND_CONSULTATION, 2, "Hệ thống"),
        (Action.ESCALATE_CONSULTATION, None, "Hệ thống"),
    ]


def test_an_answer_stops_the_ladder(world, consultation):
    _run_job_at(2024, 3, 7, 15, 0)
    services.answer_consultation(
        consultation, world.specialist, "Thống nhất", at=vn(2024, 3, 8, 9, 0)
    )
    assert _run_job_at(2024, 3, 20, 9, 0) == 0
    consultation.refresh_from_db()
    assert consultation.second_reminder_at is None
    assert consultation.dossier.events.last().data["late"] is True
    with pytest.raises(NotAllowedInState, match="không có ý kiến nào đang chờ trả lời"):
        services.answer_consultation(consultation, world.specialist, "Lần nữa")


def test_the_management_command_runs_the_same_job(consultation, capsys):
    with time_machine.travel(vn(2024, 3, 7, 15, 0), tick=False):
        call_command("run_dossier_jobs")
        call_command("run_dossier_jobs")
    assert "Đôn đốc, báo cáo lấy ý kiến chậm: 1" in capsys.readouterr().out
    consultation.refresh_from_db()
    assert consultation.first_reminder_at is not None


def test_a_consultation_needs_an_agency_a_question_and_a_positive_deadline(world):
    dossier = services.forward(world.receive(), world.officer, at=vn(2024, 3, 4, 10, 0))
    services.assign(dossier, world.head, world.specialist)
    with pytest.raises(InvalidInput):
        services.consult(dossier, world.specialist, "", "Câu hỏi", 3)
    with pytest.raises(InvalidInput, match="lớn hơn 0"):
        services.consult(dossier, world.specialist, "Sở Tài chính", "Câu hỏi", 0)
