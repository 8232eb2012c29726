"""Receiving, assigning, investigating and answering complaints; the officer's record."""

import pytest

from motcua.desk import selectors, services
from motcua.desk.constants import ComplaintOutcome, ComplaintState, DeskChannel
from motcua.desk.errors import DeskError
from motcua.notifications.constants import Channel
from motcua.notifications.models import Message

from .conftest import complain, vn


def test_a_complaint_names_a_dossier_by_its_code_and_the_complainant_gets_the_secret(world):
    dossier = world.receive(at=vn(2024, 8, 29, 9, 0))
    complaint = complain(world, dossier_code=dossier.code)
    assert complaint.dossier == dossier and list(dossier.complaints.all()) == [complaint]
    assert complaint.code == "PA-240830-0001" and len(complaint.secret) == 8
    receipt = Message.objects.get(channel=Channel.EMAIL, reference=complaint.code)
    assert complaint.secret in receipt.body
    assert "/phan-anh/theo-doi/?ma=PA-240830-0001" in receipt.body


def test_an_unknown_dossier_code_is_refused(world):
    with pytest.raises(DeskError, match="Không tìm thấy hồ sơ có mã «000.00.17.H34-240101-9999»"):
        complain(world, dossier_code="000.00.17.H34-240101-9999")


def test_the_lifecycle_puts_the_outcome_on_the_officer_record(world):
    complaint = complain(world, officer_named="chị Mai ở quầy")
    services.assign_complaint(
        complaint, world.office, world.counter, officer=world.officer, at=vn(2024, 8, 30, 10)
    )
    with pytest.raises(DeskError, match="không tự xử lý"):
        services.add_note(complaint, world.officer, "Tôi không sai.")
    services.add_note(complaint, world.officer2, "Đã làm việc với cán bộ tiếp nhận.")
    services.answer_complaint(
        complaint,
        world.office,
        "Cán bộ hẹn sai; đã nhắc nhở.",
        ComplaintOutcome.PARTLY,
        at=vn(2024, 9, 5, 9),
    )
    complaint.refresh_from_db()
    assert complaint.state == ComplaintState.ANSWERED and complaint.notes.count() == 1
    complaints, counts = selectors.officer_record(world.officer)
    assert list(complaints) == [complaint]
    assert counts == {"total": 1, "founded": 0, "partly": 1, "unfounded": 0}
    services.record_satisfaction(complaint, False)
    services.close_complaint(complaint, world.office)
    complaint.refresh_from_db()
    assert complaint.state == ComplaintState.CLOSED and complaint.applicant_satisfied is False


def test_an_answer_needs_an_outcome_and_cannot_be_given_twice(world):
    complaint = complain(world)
    with pytest.raises(DeskError, match="Chọn kết quả xác minh"):
        services.answer_complaint(complaint, world.office, "Trả lời", "")
    services.answer_complaint(complaint, world.office, "Trả lời", ComplaintOutcome.UNFOUNDED)
    with pytest.raises(DeskError, match="đã được trả lời"):
        services.answer_complaint(complaint, world.office, "Lần hai", ComplaintOutcome.FOUNDED)


def test_satisfaction_waits_for_the_answer(world):
    with pytest.raises(DeskError, match="chưa có trả lời"):
        services.record_satisfaction(complain(world), True)


def test_a_phone_complaint_is_typed_in_by_an_officer(world):
    with pytest.raises(DeskError, match="do cán bộ nhập"):
        complain(world, channel=DeskChannel.HOTLINE)
    complaint = complain(world, channel=DeskChannel.HOTLINE, entered_by=world.officer)
    assert complaint.entered_by == world.officer


def test_the_worklist_puts_the_overdue_first(world):
    late = complain(world, at=vn(2024, 7, 1, 9))
    fresh = complain(world, at=vn(2024, 9, 20, 9))
    answered = complain(world, at=vn(2024, 6, 3, 9))
    services.answer_complaint(
        answered, world.office, "Đã xử lý", ComplaintOutcome.FOUNDED, at=vn(2024, 6, 4, 9)
    )
    rows = list(selectors.complaint_worklist(world.agency.complaints.all(), now=vn(2024, 9, 23, 9)))
    assert rows == [late, fresh, answered]
    assert [r.is_overdue for r in rows] == [True, False, False]


def test_who_may_see_an_officer_record(world):
    from motcua.desk.permissions import may_view_officer_record

    officer = world.specialist
    assert may_view_officer_record(officer, officer)
    assert may_view_officer_record(world.head, officer)  # head of the same unit
    assert may_view_officer_record(world.director, officer)
    assert may_view_officer_record(world.office, officer)
    assert not may_view_officer_record(world.specialist2, officer)
    assert not may_view_officer_record(world.officer, officer)
