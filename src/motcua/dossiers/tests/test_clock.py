"""Supplement requests, suspension, extension and the apology: what they do to the deadline."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.constants import Action, State
from motcua.dossiers.errors import InvalidInput, NotAllowedInState
from motcua.dossiers.lifecycle import Actor

from .conftest import build_world, vn

ITEMS = [{"name": "Giấy đề nghị đăng ký doanh nghiệp", "note": "Thiếu chữ ký"}]


RECEIVED = vn(2024, 3, 4, 9, 0)


def _at_appraisal(world, received=RECEIVED):
    dossier = world.receive(at=received)
    dossier = services.forward(dossier, world.officer, at=vn(2024, 3, 4, 10, 0))
    return services.assign(dossier, world.head, world.specialist, at=vn(2024, 3, 4, 10, 0))


def test_supplement_round_trip_restarts_the_time_limit(world):
    dossier = _at_appraisal(world)
    request = services.request_supplement(
        dossier, world.specialist, ITEMS, "Hồ sơ chưa hợp lệ", at=vn(2024, 3, 5, 9, 0)
    )
    dossier.refresh_from_db()
    assert dossier.state == State.AWAITING_SUPPLEMENT
    assert dossier.is_clock_stopped
    assert request.number == 1 and request.items == ITEMS
    assert dossier.events.last().data["within_3_working_days"] is True

    dossier = services.supplement(
        dossier, Actor.of(world.officer), at=vn(2024, 3, 11, 14, 0)
    )  # the next Monday
    assert dossier.state == State.PROCESSING
    assert not dossier.is_clock_stopped
    # Restart from zero: 3 working days from Monday 11/03 14:00.
    assert dossier.due_at == vn(2024, 3, 14, 14, 0)
    assert dossier.current_step.due_at == vn(2024, 3, 12, 14, 0)
    assert dossier.supplements.get().answered_at == vn(2024, 3, 11, 14, 0)


def test_supplement_with_continue_adds_the_waiting_time(db):
    world = build_world(supplement_clock="continue")
    dossier = _at_appraisal(world)
    assert dossier.due_at == vn(2024, 3, 7, 9, 0)
    services.request_supplement(
        dossier, world.specialist, ITEMS, "Thiếu chữ ký", at=vn(2024, 3, 5, 9, 0)
    )
    dossier = services.supplement(
        dossier, Actor.applicant("Nguyễn Thị Hoa"), at=vn(2024, 3, 6, 9, 0)
    )
    # One working day waited (Tuesday 09:00 → Wednesday 09:00) moves Thursday to Friday.
    assert dossier.due_at == vn(2024, 3, 8, 9, 0)


def test_a_late_supplement_request_is_recorded_as_late(world):
    dossier = _at_appraisal(world)
    services.request_supplement(
        dossier, world.specialist, ITEMS, "Thiếu chữ ký", at=vn(2024, 3, 7, 16, 0)
    )
    assert dossier.events.last().data["within_3_working_days"] is False


def test_a_supplement_request_must_list_documents(world):
    dossier = _at_appraisal(world)
    with pytest.raises(InvalidInput, match="ít nhất một giấy tờ"):
        services.request_supplement(dossier, world.specialist, [{"name": " "}], "Thiếu")


def test_only_a_waiting_dossier_takes_a_supplement(world):
    with pytest.raises(NotAllowedInState, match="Nhận hồ sơ bổ sung"):
        services.supplement(world.receive(), Actor.of(world.officer))


def test_suspension_stops_the_clock_and_resumption_adds_the_time(world):
    dossier = _at_appraisal(world)  # due Thursday 07/03 09:00
    dossier = services.suspend(dossier, world.head, "Chờ kết quả xác minh", at=vn(2024, 3, 5, 9, 0))
    assert dossier.state == State.SUSPENDED
    with pytest.raises(NotAllowedInState):
        services.forward(dossier, world.specialist)
    dossier = services.resume(dossier, world.head, at=vn(2024, 3, 5, 13, 30))
    assert dossier.state == State.PROCESSING
    # Suspended 09:00–13:30: 2.5 working hours (lunch does not count) move 09:00 to 11:30.
    assert dossier.due_at == vn(2024, 3, 7, 11, 30)


def test_extension_moves_the_legal_deadline(world):
    dossier = _at_appraisal(world)
    with pytest.raises(InvalidInput, match="Số ngày gia hạn"):
        services.extend(dossier, world.director, 0, "Cần xác minh")
    dossier = services.extend(
        dossier, world.director, 2, "Cần xác minh thực địa", at=vn(2024, 3, 5, 9, 0)
    )
    assert dossier.due_at == vn(2024, 3, 11, 9, 0)


def test_apology_at_least_one_working_day_before_and_only_once(world):
    dossier = _at_appraisal(world)  # due Thursday 07/03/2024 09:00
    with pytest.raises(NotAllowedInState, match="chậm nhất 01 ngày làm việc"):
        services.apologize(
            dossier, world.head, vn(2024, 3, 12, 9, 0), "Chờ ý kiến", at=vn(2024, 3, 6, 10, 0)
        )
    with pytest.raises(InvalidInput, match="phải sau ngày hẹn"):
        services.apologize(
            dossier, world.head, vn(2024, 3, 6, 9, 0), "Chờ ý kiến", at=vn(2024, 3, 6, 9, 0)
        )
    with pytest.raises(InvalidInput, match="giờ làm việc"):
        services.apologize(
            dossier, world.head, vn(2024, 3, 9, 9, 0), "Chờ ý kiến", at=vn(2024, 3, 6, 9, 0)
        )
    dossier = services.apologize(
        dossier,
        world.head,
        vn(2024, 3, 12, 9, 0),
        "Chờ ý kiến Sở Tài chính",
        at=vn(2024, 3, 6, 9, 0),
    )
    assert dossier.apology_due_at == vn(2024, 3, 12, 9, 0)
    assert dossier.due_at == vn(2024, 3, 7, 9, 0), "the apology never moves the legal deadline"
    with pytest.raises(NotAllowedInState, match="không quá một lần"):
        services.apologize(
            dossier, world.head, vn(2024, 3, 13, 9, 0), "Lần hai", at=vn(2024, 3, 6, 9, 30)
        )
    assert dossier.events.filter(action=Action.APOLOGIZE).count() == 1
