"""The whole path of a dossier through its internal process, to the returned result."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.constants import Action, State
from motcua.dossiers.errors import Forbidden, InvalidInput, NotAllowedInState

from .conftest import vn


def test_counter_to_unit_to_director_to_clerk_to_return(world):
    dossier = world.receive(at=vn(2024, 3, 4, 9, 0))  # Monday
    dossier = (
        services.forward(world.officer, dossier, at=vn(2024, 3, 4, 10, 0))
        if False
        else services.forward(dossier, world.officer, at=vn(2024, 3, 4, 10, 0))
    )
    assert dossier.state == State.PROCESSING
    assert dossier.current_step.name == "Thẩm định hồ sơ"
    assert dossier.current_step.due_at == vn(2024, 3, 5, 10, 0)

    dossier = services.assign(dossier, world.head, world.specialist, at=vn(2024, 3, 4, 10, 5))
    assert dossier.current_step.assignee == world.specialist
    with pytest.raises(Forbidden):
        services.forward(dossier, world.specialist2, at=vn(2024, 3, 4, 11, 0))
    dossier = services.forward(dossier, world.specialist, at=vn(2024, 3, 5, 9, 0))
    assert dossier.current_step.name == "Phê duyệt"
    dossier = services.forward(dossier, world.head, at=vn(2024, 3, 5, 14, 0))
    assert dossier.current_step.name == "Ký kết quả"
    with pytest.raises(Forbidden):
        services.approve(dossier, world.head, at=vn(2024, 3, 5, 15, 0))
    dossier = services.approve(
        dossier, world.director, summary="Cấp GCN ĐKDN", at=vn(2024, 3, 6, 8, 0)
    )
    assert dossier.state == State.RESOLVED
    assert dossier.finished_at == vn(2024, 3, 6, 8, 0)
    assert dossier.current_step.name == "Trả kết quả"

    with pytest.raises(NotAllowedInState, match="chưa được Văn thư vào sổ"):
        services.return_result(dossier, world.officer, at=vn(2024, 3, 6, 9, 0))
    with pytest.raises(Forbidden):
        services.register_result(dossier, world.officer, "123/GCN")
    dossier = services.register_result(dossier, world.clerk, "4201234567", at=vn(2024, 3, 6, 8, 30))
    dossier = services.return_result(dossier, world.officer, at=vn(2024, 3, 6, 9, 0))
    assert dossier.state == State.RETURNED
    assert dossier.current_step is None
    assert list(dossier.events.values_list("action", flat=True)) == [
        Action.RECEIVE,
        Action.FORWARD,
        Action.ASSIGN,
        Action.FORWARD,
        Action.FORWARD,
        Action.APPROVE,
        Action.REGISTER_RESULT,
        Action.RETURN_RESULT,
    ]
    assert dossier.revision == 8
    # Nothing more can happen to a returned dossier.
    with pytest.raises(NotAllowedInState, match="Đã trả kết quả"):
        services.forward(dossier, world.officer)


def test_claim_send_back_and_reassign(world):
    dossier = services.forward(world.receive(), world.officer, at=vn(2024, 3, 4, 10, 0))
    dossier = services.claim(dossier, world.specialist, at=vn(2024, 3, 4, 10, 30))
    with pytest.raises(NotAllowedInState, match="đã do Ngô Thị Hồng xử lý"):
        services.claim(dossier, world.specialist2)
    dossier = services.assign(dossier, world.head, world.specialist2, at=vn(2024, 3, 4, 11, 0))
    assert dossier.events.last().data == {"assignee": "Bùi Văn Long", "previous": "Ngô Thị Hồng"}
    with pytest.raises(InvalidInput, match="cần ghi rõ lý do"):
        services.send_back(dossier, world.specialist2, "  ")
    dossier = services.send_back(
        dossier, world.specialist2, "Thiếu chữ ký trên giấy đề nghị", at=vn(2024, 3, 4, 14, 0)
    )
    assert dossier.state == State.RECEIVED
    assert dossier.current_step.name == "Tiếp nhận hồ sơ"
    assert dossier.current_step.due_at == vn(2024, 3, 5, 8, 0)


def test_assignee_must_belong_to_the_step_unit(world):
    dossier = services.forward(world.receive(), world.officer, at=vn(2024, 3, 4, 10, 0))
    with pytest.raises(InvalidInput, match="không thuộc Phòng Đăng ký kinh doanh"):
        services.assign(dossier, world.head, world.officer2)


def test_refusal_with_reason_goes_back_to_the_counter(world):
    dossier = services.forward(world.receive(), world.officer, at=vn(2024, 3, 4, 10, 0))
    with pytest.raises(Forbidden):
        services.refuse(dossier, world.specialist, "Ngành nghề cấm kinh doanh")
    dossier = services.refuse(
        dossier, world.head, "Ngành nghề cấm kinh doanh", at=vn(2024, 3, 5, 9, 0)
    )
    assert dossier.state == State.REFUSED
    assert dossier.current_step.name == "Trả kết quả"
    dossier = services.return_result(dossier, world.officer, at=vn(2024, 3, 5, 10, 0))
    assert dossier.state == State.RETURNED


def test_withdrawal_in_the_2025_regime_issues_the_stop_notice(world):
    from motcua.dossiers.lifecycle import Actor

    old = world.receive(at=vn(2025, 6, 30, 9, 0))
    new = world.receive(at=vn(2025, 7, 2, 9, 0))
    old = services.withdraw(old, Actor.of(world.officer), note="Đơn xin rút hồ sơ")
    new = services.withdraw(new, Actor.applicant("Nguyễn Thị Hoa"))
    assert (old.state, new.state) == (State.WITHDRAWN, State.WITHDRAWN)
    assert old.events.last().data == {"form": None}
    assert new.events.last().data == {"form": "stop_notice"}
    assert new.events.last().actor is None and new.events.last().actor_name == "Nguyễn Thị Hoa"


def test_cancellation_only_by_the_director_in_the_allowed_cases(world):
    dossier = world.receive()
    with pytest.raises(Forbidden):
        services.cancel(dossier, world.head, "duplicate", "Nhập trùng hồ sơ")
    with pytest.raises(InvalidInput, match="Chỉ được hủy hồ sơ trong các trường hợp"):
        services.cancel(dossier, world.director, "dislike", "Không thích")
    with pytest.raises(InvalidInput, match="lý do"):
        services.cancel(dossier, world.director, "duplicate", "")
    dossier = services.cancel(dossier, world.director, "duplicate", "Trùng hồ sơ 0002")
    assert dossier.state == State.CANCELLED
    assert dossier.events.last().data["case_label"] == "Hồ sơ bị nhập trùng"


def test_return_by_post_needs_a_tracking_number(world):
    from motcua.dossiers.constants import ReturnMethod

    dossier = world.receive(
        return_method=ReturnMethod.POST, postal_address="12 Lê Thánh Tôn, Nha Trang"
    )
    dossier = services.forward(dossier, world.officer, at=vn(2024, 3, 4, 10, 0))
    dossier = services.refuse(
        dossier, world.director, "Không đủ điều kiện", at=vn(2024, 3, 4, 11, 0)
    )
    with pytest.raises(InvalidInput, match="số hiệu bưu gửi"):
        services.return_result(dossier, world.officer)
    dossier = services.return_result(dossier, world.officer, tracking_number="EA123456789VN")
    assert dossier.events.last().data == {"method": "post", "tracking_number": "EA123456789VN"}


def test_staff_of_another_agency_cannot_touch_the_dossier(world, other_agency):
    from motcua.org.constants import Role
    from motcua.org.models import Unit
    from motcua.org.tests.factories import make_staff

    unit = Unit.objects.create(agency=other_agency, code="mot-cua", name="Một cửa", is_counter=True)
    stranger = make_staff("la", other_agency, unit, Role.COUNTER_OFFICER)
    with pytest.raises(Forbidden, match="không thuộc cơ quan của bạn"):
        services.forward(world.receive(), stranger)


def test_approval_waits_for_the_signing_steps(world):
    dossier = services.forward(world.receive(), world.officer, at=vn(2024, 3, 4, 10, 0))
    with pytest.raises(NotAllowedInState, match="Còn bước «Phê duyệt»"):
        services.approve(dossier, world.head)
    from motcua.dossiers.lifecycle import Actor, allowed_actions

    assert Action.APPROVE not in allowed_actions(dossier, Actor.of(world.head))


def test_the_worklist_columns_follow_the_current_step_through_every_move(world):
    def holder(dossier):
        dossier.refresh_from_db()
        step = dossier.current_step
        assert dossier.current_unit_id == (step.unit_id if step else None)
        assert dossier.current_assignee_id == (step.assignee_id if step else None)
        return dossier

    dossier = holder(world.receive())
    dossier = holder(services.forward(dossier, world.officer, at=vn(2024, 3, 4, 10, 0)))
    dossier = holder(services.assign(dossier, world.head, world.specialist))
    assert dossier.current_assignee == world.specialist
    dossier = holder(services.send_back(dossier, world.specialist, "Thiếu chữ ký"))
    dossier = holder(services.forward(dossier, world.officer, assignee=world.specialist2))
    assert dossier.current_assignee == world.specialist2
    dossier = holder(services.forward(dossier, world.specialist2))
    dossier = holder(services.claim(dossier, world.head))
    dossier = holder(services.forward(dossier, world.head))
    dossier = holder(services.approve(dossier, world.director))
    dossier = holder(services.register_result(dossier, world.clerk, "12/GCN"))
    dossier = holder(services.return_result(dossier, world.officer))
    assert dossier.current_unit is None and dossier.current_assignee is None
