"""Asking, assigning, answering and publishing questions."""

import pytest

from motcua.desk import services
from motcua.desk.constants import DeskChannel
from motcua.desk.errors import DeskError
from motcua.notifications.constants import Channel
from motcua.notifications.models import Message

from .conftest import ask, vn


def test_the_answer_is_e_mailed_to_the_asker(world, django_capture_on_commit_callbacks):
    question = ask(world)
    services.assign_question(question, world.officer, world.business, at=vn(2024, 8, 30, 10))
    with django_capture_on_commit_callbacks(execute=False):
        services.answer_question(
            question, world.specialist, "Cần Giấy đề nghị đăng ký.", at=vn(2024, 9, 4, 9)
        )
    mail = Message.objects.get(channel=Channel.EMAIL, reference=question.code)
    assert mail.recipient == "binh@example.vn"
    assert "Cần Giấy đề nghị đăng ký." in mail.body
    question.refresh_from_db()
    assert question.answered_by == world.specialist


def test_a_hotline_question_without_an_e_mail_sends_nothing(world):
    question = ask(
        world,
        channel=DeskChannel.HOTLINE,
        entered_by=world.officer,
        asker=services.Person("Người gọi", phone="0905000111"),
    )
    services.answer_question(question, world.office, "Đã trả lời qua điện thoại.")
    assert not Message.objects.filter(channel=Channel.EMAIL).exists()


def test_a_hotline_question_needs_the_officer_who_typed_it(world):
    with pytest.raises(DeskError, match="do cán bộ nhập"):
        ask(world, channel=DeskChannel.HOTLINE)


def test_an_asker_must_leave_a_way_to_answer(world):
    with pytest.raises(DeskError, match="thư điện tử hoặc số điện thoại"):
        ask(world, asker=services.Person("Ẩn danh"))


def test_only_the_assigned_unit_or_the_office_answers(world):
    question = ask(world)
    services.assign_question(question, world.officer, world.business)
    with pytest.raises(DeskError, match="Chỉ đơn vị được giao"):
        services.answer_question(question, world.officer2, "Trả lời")
    services.answer_question(question, world.head, "Trả lời của phòng")
    with pytest.raises(DeskError, match="đã được trả lời"):
        services.answer_question(question, world.office, "Lần hai")


def test_publishing_needs_an_answer_and_a_publisher(world):
    question = ask(world)
    with pytest.raises(DeskError, match="đã có trả lời"):
        services.publish_question(question, world.office)
    services.answer_question(question, world.office, "Cần Giấy đề nghị đăng ký.")
    with pytest.raises(DeskError, match="Chỉ Văn phòng, Giám đốc hoặc lãnh đạo đơn vị"):
        services.publish_question(question, world.specialist)
    services.publish_question(question, world.office, procedures=[world.procedure])
    question.refresh_from_db()
    assert question.published and list(question.procedures.all()) == [world.procedure]
    # The procedure's name is searchable once linked.
    assert "doanh nghiep tu nhan" in question.search_text
    services.unpublish_question(question, world.office)
    question.refresh_from_db()
    assert not question.published and question.published_at is None


def test_codes_follow_each_other_within_a_day(world):
    first, second = ask(world), ask(world)
    assert (first.code, second.code) == ("HD-240830-0001", "HD-240830-0002")
