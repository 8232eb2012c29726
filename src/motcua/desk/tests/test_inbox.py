"""E-mailed questions: real .eml files in a Maildir folder become questions once."""

from email.message import EmailMessage
import mailbox

from django.core.management import call_command
from django.test import override_settings
import pytest

from motcua.desk.constants import DeskChannel
from motcua.desk.inbox import MaildirReader, fetch_questions, take_questions
from motcua.desk.models import Question


def deliver(
    folder,
    *,
    message_id="<q1@example.vn>",
    subject="Hỏi về thành lập công ty",
    body="Xin hỏi thủ tục thành lập công ty TNHH một thành viên?",
    sender='"Nguyễn Thị Thảo" <thao@example.vn>',
    html=False,
):
    """Write one message as a mail server would: a file in new/ of the Maildir."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "hoidap@skhdt.khanhhoa.gov.vn"
    message["Subject"] = subject
    if message_id:
        message["Message-ID"] = message_id
    if html:
        message.set_content(body, subtype="html")
    else:
        message.set_content(body)
    box = mailbox.Maildir(folder, create=True)
    box.add(message.as_bytes())
    return folder


def test_each_message_becomes_one_question(world, tmp_path):
    folder = deliver(tmp_path / "maildir")
    assert take_questions(MaildirReader(str(folder)), world.agency) == 1
    question = Question.objects.get()
    assert question.channel == DeskChannel.EMAIL and question.message_id == "<q1@example.vn>"
    assert (question.asker_name, question.asker_email) == ("Nguyễn Thị Thảo", "thao@example.vn")
    assert question.subject == "Hỏi về thành lập công ty"
    assert "TNHH một thành viên" in question.body


def test_reading_again_takes_nothing_twice(world, tmp_path):
    folder = deliver(tmp_path / "maildir")
    take_questions(MaildirReader(str(folder)), world.agency)
    assert take_questions(MaildirReader(str(folder)), world.agency) == 0
    # The same message delivered again (a second copy, still unread) is not a new question.
    deliver(folder)
    assert take_questions(MaildirReader(str(folder)), world.agency) == 0
    assert Question.objects.count() == 1


def test_html_mail_and_mail_without_message_id(world, tmp_path):
    folder = deliver(
        tmp_path / "maildir",
        message_id=None,
        html=True,
        body="<p>Xin hỏi <b>lệ phí</b> đăng ký?</p>",
    )
    take_questions(MaildirReader(str(folder)), world.agency)
    deliver(folder, message_id=None, html=True, body="<p>Xin hỏi <b>lệ phí</b> đăng ký?</p>")
    take_questions(MaildirReader(str(folder)), world.agency)
    question = Question.objects.get()
    assert question.body == "Xin hỏi lệ phí đăng ký?"
    assert question.message_id.startswith("<sha256-")


def test_a_message_that_cannot_be_a_question_is_set_aside(world, tmp_path):
    folder = deliver(tmp_path / "maildir", sender="không phải địa chỉ", body=" ")
    assert take_questions(MaildirReader(str(folder)), world.agency) == 0
    assert list(MaildirReader(str(folder)).unread()) == []


def test_the_command_reads_the_configured_maildir(world, tmp_path, capsys):
    folder = deliver(tmp_path / "maildir")
    with override_settings(
        MOTCUA_DESK_MAILBOX="maildir",
        MOTCUA_DESK_MAILDIR=str(folder),
        MOTCUA_DESK_MAIL_AGENCY=world.agency.code,
    ):
        call_command("fetch_questions")
        assert fetch_questions() == 0
    assert "Câu hỏi mới từ thư điện tử: 1" in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["", "maildir"])
def test_no_mailbox_or_an_empty_one(world, tmp_path, kind):
    with override_settings(MOTCUA_DESK_MAILBOX=kind, MOTCUA_DESK_MAILDIR=str(tmp_path / "m")):
        assert fetch_questions() == 0
