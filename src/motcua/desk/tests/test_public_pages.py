"""The public FAQ, the ask and complaint forms, and following a complaint by code."""

from django.core.cache import cache
import pytest

from motcua.desk import services
from motcua.desk.constants import ComplaintOutcome
from motcua.desk.models import Complaint, Question

from .conftest import ask, complain


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


def published(world, **changes):
    question = ask(world, **changes)
    services.answer_question(
        question, world.office, "Chuẩn bị Giấy đề nghị đăng ký doanh nghiệp và bản sao căn cước."
    )
    return services.publish_question(question, world.office, procedures=[world.procedure])


def test_a_published_answer_is_found_without_diacritics(client, world):
    question = published(world)
    page = client.get("/hoi-dap/", {"q": "thanh lap DOANH nghiep"})
    assert page.status_code == 200
    assert question.subject in page.text and "bản sao căn cước" in page.text
    assert client.get("/hoi-dap/", {"q": "giay phep xay dung"}).text.count(question.subject) == 0


def test_the_faq_filters_by_procedure(client, world):
    question = published(world)
    other = ask(world, subject="Giờ làm việc của Bộ phận Một cửa?")
    services.answer_question(other, world.office, "Từ 7 giờ đến 17 giờ.")
    services.publish_question(other, world.office, procedures=[])
    page = client.get("/hoi-dap/", {"thu_tuc": world.procedure.pk})
    assert question.subject in page.text and other.subject not in page.text


def test_unpublished_and_unanswered_questions_never_show(client, world):
    question = published(world, subject="Câu hỏi đã gỡ xuống")
    services.unpublish_question(question, world.office)
    answered = ask(world, subject="Câu hỏi chưa đăng")
    services.answer_question(answered, world.office, "Trả lời nội bộ")
    ask(world, subject="Câu hỏi chưa trả lời")
    page = client.get("/hoi-dap/").text
    for subject in ("Câu hỏi đã gỡ xuống", "Câu hỏi chưa đăng", "Câu hỏi chưa trả lời"):
        assert subject not in page
    assert "binh@example.vn" not in client.get("/hoi-dap/", {"q": ""}).text


def test_the_procedure_include_lists_its_faq(world):
    from django.template.loader import render_to_string

    question = published(world)
    html = render_to_string("desk/_procedure_faq.html", {"procedure": world.procedure})
    assert question.subject in html and f"?thu_tuc={world.procedure.pk}" in html


def ask_form(agency, **changes):
    return {
        "agency": agency.pk,
        "name": "Phạm Văn Đức",
        "email": "duc@example.vn",
        "phone": "",
        "subject": "Đăng ký hộ kinh doanh ở đâu?",
        "body": "Tôi muốn mở quán ăn.",
        "procedure": "",
        "website": "",
        **changes,
    }


def test_asking_on_the_portal(client, world):
    response = client.post(
        "/hoi-dap/gui/", ask_form(world.agency, procedure=world.procedure.pk), follow=True
    )
    question = Question.objects.get()
    assert question.channel == "portal" and list(question.procedures.all()) == [world.procedure]
    assert f"Đã gửi câu hỏi, mã {question.code}" in response.text


def test_a_bad_ask_keeps_what_was_typed(client, world):
    response = client.post(
        "/hoi-dap/gui/", ask_form(world.agency, email="", body="Nội dung tôi đã gõ")
    )
    assert response.status_code == 400
    assert "thư điện tử hoặc số điện thoại" in response.text
    assert "Nội dung tôi đã gõ" in response.text and not Question.objects.exists()


def test_the_honeypot_keeps_nothing(client, world):
    response = client.post("/hoi-dap/gui/", ask_form(world.agency, website="http://spam.example"))
    assert response.status_code == 302 and not Question.objects.exists()


def test_asking_is_rate_limited_per_address(client, world):
    for _ in range(5):
        assert client.post("/hoi-dap/gui/", ask_form(world.agency)).status_code == 302
    refused = client.post("/hoi-dap/gui/", ask_form(world.agency, subject="Lần thứ sáu"))
    assert refused.status_code == 429 and "quá nhiều lần" in refused.text
    assert "Lần thứ sáu" in refused.text and Question.objects.count() == 5


def test_a_complaint_from_the_portal_names_a_dossier(client, world):
    dossier = world.receive()
    response = client.post(
        "/phan-anh/gui/",
        {
            "agency": world.agency.pk,
            "kind": "feedback",
            "name": "Lê Thị Cúc",
            "email": "cuc@example.vn",
            "phone": "",
            "subject": "Hẹn nhiều lần",
            "body": "Chưa nhận được kết quả.",
            "dossier_code": dossier.code,
            "officer_named": "chị Mai",
            "website": "",
        },
        follow=True,
    )
    complaint = Complaint.objects.get()
    assert complaint.dossier == dossier and complaint.officer_named == "chị Mai"
    assert complaint.secret in response.text and complaint.code in response.text


def test_an_unknown_dossier_code_is_an_error_on_that_field(client, world):
    response = client.post(
        "/phan-anh/gui/",
        {
            "agency": world.agency.pk,
            "kind": "feedback",
            "name": "Lê Thị Cúc",
            "email": "",
            "phone": "0905",
            "subject": "Hẹn nhiều lần",
            "body": "Nội dung",
            "dossier_code": "KHONG-CO",
            "officer_named": "",
            "website": "",
        },
    )
    assert response.status_code == 400
    assert 'id="id_dossier_code_error"' in response.text and "KHONG-CO" in response.text


def test_following_with_the_right_secret_shows_the_answer_and_takes_a_like(client, world):
    complaint = complain(world)
    services.answer_complaint(
        complaint, world.office, "Đã chấn chỉnh cán bộ.", ComplaintOutcome.FOUNDED
    )
    page = client.get("/phan-anh/theo-doi/", {"ma": complaint.code, "k": complaint.secret})
    assert "Đã chấn chỉnh cán bộ." in page.text and "Đúng" in page.text
    assert "Hài lòng" in page.text
    client.post(
        "/phan-anh/theo-doi/", {"ma": complaint.code, "k": complaint.secret, "hai_long": "0"}
    )
    complaint.refresh_from_db()
    assert complaint.applicant_satisfied is False


def test_unknown_code_and_wrong_secret_get_the_same_answer(client, world):
    complaint = complain(world)
    wrong = client.get("/phan-anh/theo-doi/", {"ma": complaint.code, "k": "00000000"})
    unknown = client.get("/phan-anh/theo-doi/", {"ma": "PA-240830-9999", "k": "00000000"})
    assert wrong.status_code == unknown.status_code == 200
    assert complaint.subject not in wrong.text
    # The pages echo the code typed; apart from it they are the same, byte for byte.
    assert wrong.text.replace(complaint.code, "") == unknown.text.replace("PA-240830-9999", "")
    assert "Không tìm thấy phản ánh" in wrong.text


def test_a_like_with_a_wrong_secret_changes_nothing(client, world):
    complaint = complain(world)
    services.answer_complaint(complaint, world.office, "Trả lời", ComplaintOutcome.UNFOUNDED)
    client.post("/phan-anh/theo-doi/", {"ma": complaint.code, "k": "00000000", "hai_long": "1"})
    complaint.refresh_from_db()
    assert complaint.applicant_satisfied is None


def test_guessing_secrets_is_rate_limited_even_for_the_right_one_afterwards(client, world):
    complaint = complain(world)
    for n in range(10):  # ten different codes: only the per-address limit is reached
        client.get("/phan-anh/theo-doi/", {"ma": f"PA-240830-{n + 10:04d}", "k": "00000000"})
    blocked = client.get("/phan-anh/theo-doi/", {"ma": complaint.code, "k": complaint.secret})
    assert blocked.status_code == 429 and complaint.subject not in blocked.text


def test_the_faq_api_returns_published_questions_without_the_asker(client, world):
    question = published(world)
    ask(world, subject="Chưa đăng")
    body = client.get("/api/v1/desk/faq", {"q": "can cuoc"}).json()
    assert [row["code"] for row in body["items"]] == [question.code]
    assert body["items"][0]["procedures"] == [world.procedure.code]
    assert "binh@example.vn" not in str(body) and "Trần Văn Bình" not in str(body)


def test_guessing_one_code_from_many_addresses_is_rate_limited(client, world):
    complaint = complain(world)
    for n in range(5):
        client.get(
            "/phan-anh/theo-doi/",
            {"ma": complaint.code, "k": "00000000"},
            REMOTE_ADDR=f"10.0.0.{n}",
        )
    blocked = client.get(
        "/phan-anh/theo-doi/",
        {"ma": complaint.code, "k": complaint.secret},
        REMOTE_ADDR="10.0.0.99",
    )
    assert blocked.status_code == 429 and complaint.subject not in blocked.text
