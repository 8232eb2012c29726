"""Officers are warned in time to issue the apology, once per deadline, never twice."""

import time_machine

from motcua.dossiers import services
from motcua.dossiers.tasks import warn_officers_of_deadlines
from motcua.notifications.models import Message

from .conftest import vn


def _run_at(*moment):
    with time_machine.travel(vn(*moment), tick=False):
        return warn_officers_of_deadlines()


def _warned():
    """Who has an in-app warning in the outbox (delivered to their list after commit)."""
    return sorted(
        Message.objects.filter(channel="in_app", topic="dossier.due_soon").values_list(
            "recipient", flat=True
        )
    )


def test_the_holder_and_the_head_are_warned_on_the_last_day_to_apologise(world):
    dossier = services.forward(
        world.receive(at=vn(2024, 3, 4, 9, 0)), world.officer, at=vn(2024, 3, 4, 10, 0)
    )  # due Thursday 07/03 09:00
    services.assign(dossier, world.head, world.specialist)
    assert _run_at(2024, 3, 4, 15, 0) == 0  # three working days left: not yet
    assert _run_at(2024, 3, 5, 9, 30) == 2  # less than two working days left
    assert _warned() == ["chuyenvien", "lanhdao"]
    note = Message.objects.filter(topic="dossier.due_soon").first()
    assert "hẹn trả lúc 09:00 ngày 07/03/2024" in note.body
    assert _run_at(2024, 3, 5, 14, 0) == 0, "each officer is warned once per deadline"
    assert _run_at(2024, 3, 6, 10, 0) == 0  # under one working day: too late to apologise


def test_a_paused_or_apologised_dossier_is_not_warned(world):
    paused = services.forward(world.receive(at=vn(2024, 3, 4, 9, 0)), world.officer)
    services.suspend(paused, world.director, "Chờ xác minh", at=vn(2024, 3, 4, 11, 0))
    apologised = world.receive(at=vn(2024, 3, 4, 9, 0))
    services.apologize(
        apologised, world.director, vn(2024, 3, 12, 9, 0), "Chờ ý kiến", at=vn(2024, 3, 4, 11, 0)
    )
    assert _run_at(2024, 3, 5, 9, 30) == 0


def test_a_moved_deadline_is_warned_again(world):
    dossier = services.forward(
        world.receive(at=vn(2024, 3, 4, 9, 0)), world.officer, at=vn(2024, 3, 4, 10, 0)
    )
    services.assign(dossier, world.head, world.specialist)
    assert _run_at(2024, 3, 5, 9, 30) == 2
    services.extend(dossier, world.director, 2, "Xác minh thực địa", at=vn(2024, 3, 5, 10, 0))
    assert _run_at(2024, 3, 7, 9, 30) == 2
