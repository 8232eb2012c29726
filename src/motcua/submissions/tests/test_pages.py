"""The applicant's pages with the Django test client: start, save, resume, review, submit."""

from django.core.cache import cache
from django.test import Client
import pytest

from motcua.catalog.constants import OnlineLevel
from motcua.catalog.selectors import version_in_force
from motcua.dossiers.constants import Channel, State
from motcua.dossiers.models import Attachment, Dossier
from motcua.notifications.models import Message
from motcua.submissions.models import Draft, DraftFile

from .conftest import PDF, offer_online, pdf

APPLICANT = {
    "applicant_kind": "person",
    "applicant_name": "Nguyễn Thị Hoa",
    "applicant_id_number": "056190001234",
    "applicant_phone": "0912345678",
    "applicant_email": "hoa@example.vn",
    "applicant_address": "12 Lê Thánh Tôn, Nha Trang",
    "subject": "",
    "return_method": "counter",
    "postal_address": "",
}


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


def _documents(world):
    return list(version_in_force(world.procedure).documents.all())


def _start(client, world, data=None, files=None, action="luu", follow=False):
    return client.post(
        f"/nop-ho-so/thu-tuc/{world.procedure.pk}/",
        {**APPLICANT, **(data or {}), **(files or {}), "action": action},
        follow=follow,
    )


def _mandatory_files(world):
    request, copy, _ = _documents(world)
    return {f"tep-{request.pk}": pdf("de-nghi.pdf"), f"tep-{copy.pk}": pdf("cccd.pdf")}


def test_the_portal_offers_online_submission_only_for_online_procedures(client, world):
    page = client.get(f"/cong/thu-tuc/{world.procedure.pk}/").content.decode()
    assert f'href="/nop-ho-so/thu-tuc/{world.procedure.pk}/"' in page
    assert "Nộp hồ sơ trực tuyến" in page
    offer_online(world.procedure, OnlineLevel.NONE)
    page = client.get(f"/cong/thu-tuc/{world.procedure.pk}/").content.decode()
    assert "/nop-ho-so/" not in page


def test_a_procedure_not_offered_online_is_refused_with_a_clear_page(client, world):
    offer_online(world.procedure, OnlineLevel.NONE)
    response = client.get(f"/nop-ho-so/thu-tuc/{world.procedure.pk}/")
    assert response.status_code == 404
    assert "chưa được cung cấp trực tuyến" in response.content.decode()
    assert _start(client, world).status_code == 404
    assert not Draft.objects.exists()


def test_the_form_marks_mandatory_documents_and_has_one_input_each(client, world):
    page = client.get(f"/nop-ho-so/thu-tuc/{world.procedure.pk}/").content.decode()
    for document in _documents(world):
        assert f'name="tep-{document.pk}"' in page
    assert 'name="tep-khac"' in page
    assert page.count("(bắt buộc)") == 2


def test_save_keeps_the_draft_and_mails_the_resume_link_once_per_save(client, world):
    response = _start(client, world, {"request_key": "press-1"})
    draft = Draft.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/nop-ho-so/nhap/{draft.token}/"
    assert draft.applicant_name == "Nguyễn Thị Hoa"
    message = Message.objects.get(topic="submissions.draft_saved")
    assert message.recipient == "hoa@example.vn"
    assert f"/nop-ho-so/nhap/{draft.token}/" in message.body
    # The same press sent again (a retried request) mails nothing more; a new press does.
    url = f"/nop-ho-so/nhap/{draft.token}/"
    client.post(url, {**APPLICANT, "request_key": "press-1", "action": "luu"})
    assert Message.objects.filter(topic="submissions.draft_saved").count() == 1
    client.post(url, {**APPLICANT, "request_key": "press-2", "action": "luu"})
    assert Message.objects.filter(topic="submissions.draft_saved").count() == 2


def test_a_bad_upload_keeps_the_typed_fields_and_the_good_files(client, world, settings):
    settings.MOTCUA_MAX_UPLOAD_MB = 1
    request, copy, _ = _documents(world)
    response = _start(
        client,
        world,
        {"applicant_address": "Số 5 Yersin"},
        {
            f"tep-{request.pk}": pdf("de-nghi.pdf"),
            f"tep-{copy.pk}": pdf("cccd.pdf", b"GIF89a not a pdf"),
            "tep-khac": pdf("lon.pdf", PDF + b"0" * (1024 * 1024)),
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    draft = Draft.objects.get()
    assert [f.original_name for f in draft.files.all()] == ["de-nghi.pdf"]
    # Each message sits by its own input, which points at it.
    assert f'aria-describedby="tep-{copy.pk}-error tep-{copy.pk}-help"' in page
    assert f'id="tep-{copy.pk}-error"' in page
    assert "Nội dung tệp «cccd.pdf» không khớp với định dạng .pdf." in page
    assert 'aria-describedby="tep-khac-error"' in page
    assert "Tệp «lon.pdf» nặng 1.0 MB, vượt giới hạn 1 MB." in page
    # The typed fields are still in the form, and the page now posts to the draft.
    assert 'value="Số 5 Yersin"' in page
    assert f'action="/nop-ho-so/nhap/{draft.token}/"' in page
    assert "de-nghi.pdf" in page
    # Resending the fixed file completes the document; the first file is still there.
    client.post(
        f"/nop-ho-so/nhap/{draft.token}/",
        {**APPLICANT, f"tep-{copy.pk}": pdf("cccd.pdf"), "action": "luu"},
    )
    assert sorted(draft.files.values_list("original_name", flat=True)) == [
        "cccd.pdf",
        "de-nghi.pdf",
    ]


def test_a_draft_is_resumed_from_its_link_in_a_fresh_browser(client, world):
    _start(client, world, files={f"tep-{_documents(world)[0].pk}": pdf("de-nghi.pdf")})
    draft = Draft.objects.get()
    page = Client().get(f"/nop-ho-so/nhap/{draft.token}/").content.decode()
    assert 'value="Nguyễn Thị Hoa"' in page and 'value="hoa@example.vn"' in page
    assert "de-nghi.pdf" in page
    assert Client().get("/nop-ho-so/nhap/khong-co-nhap-nay/").status_code == 404


def test_review_lists_missing_mandatory_documents_and_blocks(client, world):
    response = _start(
        client, world, files={f"tep-{_documents(world)[0].pk}": pdf()}, action="xem-lai"
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Còn thiếu tệp của thành phần hồ sơ bắt buộc" in page
    assert "Bản sao giấy tờ pháp lý của chủ doanh nghiệp" in page
    draft = Draft.objects.get()
    # Going to the review or submitting directly is refused too.
    response = client.get(f"/nop-ho-so/nhap/{draft.token}/xem-lai/", follow=True)
    assert "Bản sao giấy tờ pháp lý của chủ doanh nghiệp" in response.content.decode()
    client.post(f"/nop-ho-so/nhap/{draft.token}/nop/", {"idempotency_key": draft.token})
    assert not Dossier.objects.exists()


def test_review_shows_field_errors_and_post_needs_an_address(client, world):
    response = _start(
        client,
        world,
        {"applicant_phone": "12", "return_method": "post"},
        _mandatory_files(world),
        action="xem-lai",
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Số điện thoại không hợp lệ" in page
    assert 'aria-describedby="id_applicant_phone_error"' in page
    assert "Nhận kết quả qua bưu chính cần địa chỉ nhận." in page
    assert Draft.objects.get().files.count() == 2


def test_remove_a_file_keeps_the_rest(client, world, django_capture_on_commit_callbacks):
    _start(client, world, files=_mandatory_files(world))
    draft = Draft.objects.get()
    wrong = draft.files.get(original_name="cccd.pdf")
    assert wrong.file.storage.exists(wrong.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/nop-ho-so/nhap/{draft.token}/",
            {**APPLICANT, "applicant_address": "Địa chỉ mới", "xoa": wrong.pk},
        )
    draft.refresh_from_db()
    assert list(draft.files.values_list("original_name", flat=True)) == ["de-nghi.pdf"]
    assert draft.applicant_address == "Địa chỉ mới"
    assert not wrong.file.storage.exists(wrong.file.name)


def _submit_ready_draft(client, world, **data):
    response = _start(client, world, data, _mandatory_files(world), action="xem-lai")
    draft = Draft.objects.get()
    assert response["Location"] == f"/nop-ho-so/nhap/{draft.token}/xem-lai/"
    return draft


def test_the_whole_flow_gives_one_dossier_in_the_online_queue(client, world):
    draft = _submit_ready_draft(
        client, world, return_method="post", postal_address="Số 5 Yersin, Nha Trang"
    )
    review = client.get(f"/nop-ho-so/nhap/{draft.token}/xem-lai/").content.decode()
    assert "de-nghi.pdf" in review and "Số 5 Yersin, Nha Trang" in review
    assert f'name="idempotency_key" value="{draft.token}"' in review
    response = client.post(f"/nop-ho-so/nhap/{draft.token}/nop/", {"idempotency_key": draft.token})
    assert response["Location"] == f"/nop-ho-so/nhap/{draft.token}/da-nop/"
    dossier = Dossier.objects.get()
    assert dossier.state == State.SUBMITTED and dossier.channel == Channel.ONLINE
    assert dossier.idempotency_key == draft.token
    assert dossier.return_method == "post" and dossier.postal_address == "Số 5 Yersin, Nha Trang"
    assert sorted(d.name for d in dossier.documents.all()) == [
        "Bản sao giấy tờ pháp lý của chủ doanh nghiệp",
        "Giấy đề nghị đăng ký doanh nghiệp",
    ]
    assert all(d.copies == 1 for d in dossier.documents.all())
    assert {a.original_name: a.document.name for a in dossier.attachments.all()} == {
        "de-nghi.pdf": "Giấy đề nghị đăng ký doanh nghiệp",
        "cccd.pdf": "Bản sao giấy tờ pháp lý của chủ doanh nghiệp",
    }
    # The draft's copies are gone; the dossier's remain.
    assert not DraftFile.objects.exists()
    done = client.get(response["Location"]).content.decode()
    assert f"truc-tuyen-{dossier.pk}" in done and dossier.tracking_secret in done
    assert f"/tra-cuu/?ma=truc-tuyen-{dossier.pk}&amp;k={dossier.tracking_secret}" in done
    assert "Việc gì xảy ra tiếp theo" in done

    acknowledgement = Message.objects.get(topic="submissions.submitted")
    assert acknowledgement.key == f"submitted:{dossier.pk}"
    assert acknowledgement.subject == "Đã nhận hồ sơ nộp trực tuyến"
    assert acknowledgement.recipient == "hoa@example.vn"
    for part in (
        world.agency.name,
        "Đăng ký thành lập doanh nghiệp tư nhân",
        f"truc-tuyen-{dossier.pk}",
        dossier.tracking_secret,
        "/tra-cuu/?",
        "ngày hẹn trả được tính khi Bộ phận Một cửa tiếp nhận",
    ):
        assert part in acknowledgement.body

    # The counter officer finds it in the online queue, with its files.
    staff = Client()
    staff.force_login(world.officer.user)
    queue = staff.get("/ho-so/?ds=to_receive").content.decode()
    assert f"/ho-so/truc-tuyen-{dossier.pk}/" in queue
    detail = staff.get(f"/ho-so/truc-tuyen-{dossier.pk}/").content.decode()
    assert "de-nghi.pdf" in detail and "cccd.pdf" in detail
    attachment = dossier.attachments.get(original_name="de-nghi.pdf")
    download = staff.get(f"/ho-so/truc-tuyen-{dossier.pk}/tep/{attachment.pk}/")
    assert b"".join(download.streaming_content) == PDF


def test_double_post_and_retries_give_one_dossier_and_one_acknowledgement(client, world):
    draft = _submit_ready_draft(client, world)
    url = f"/nop-ho-so/nhap/{draft.token}/nop/"
    first = client.post(url, {"idempotency_key": draft.token})
    second = client.post(url, {"idempotency_key": draft.token})
    retried = Client().post(url, {"idempotency_key": draft.token})
    assert first["Location"] == second["Location"] == retried["Location"]
    assert Dossier.objects.count() == 1
    assert Attachment.objects.count() == 2
    assert Message.objects.filter(topic="submissions.submitted").count() == 1
    # The draft's link now shows the done page, and saving it again changes nothing.
    assert client.get(f"/nop-ho-so/nhap/{draft.token}/")["Location"].endswith("/da-nop/")
    client.post(
        f"/nop-ho-so/nhap/{draft.token}/",
        {**APPLICANT, "tep-khac": pdf("muon.pdf"), "action": "xem-lai"},
    )
    assert Dossier.objects.count() == 1 and Attachment.objects.count() == 2
    assert not DraftFile.objects.exists()


def test_a_submit_without_the_draft_key_is_refused(client, world):
    draft = _submit_ready_draft(client, world)
    response = client.post(f"/nop-ho-so/nhap/{draft.token}/nop/", {"idempotency_key": "x"})
    assert response.status_code == 400
    assert not Dossier.objects.exists()


def test_drafts_started_from_one_address_are_limited(client, world, settings):
    settings.SUBMISSION_DRAFTS_PER_IP_HOUR = 2
    assert _start(client, world).status_code == 302
    assert _start(client, world).status_code == 302
    refused = _start(client, world)
    assert refused.status_code == 429
    assert "quá nhiều hồ sơ nháp" in refused.content.decode()
    assert Draft.objects.count() == 2


def test_an_expired_draft_says_so(client, world):
    _start(client, world)
    draft = Draft.objects.get()
    Draft.objects.filter(pk=draft.pk).update(expires_at=draft.created_at)
    response = client.get(f"/nop-ho-so/nhap/{draft.token}/")
    assert response.status_code == 410
    assert "hết hạn" in response.content.decode()


def test_a_save_without_a_valid_email_keeps_the_draft_and_says_the_link_was_not_sent(client, world):
    response = _start(client, world, {"applicant_email": "hoa@"}, follow=True)
    draft = Draft.objects.get()
    assert draft.applicant_email == "hoa@"
    page = response.content.decode()
    assert "Đã lưu hồ sơ nháp nhưng chưa gửi được đường dẫn" in page
    assert f"/nop-ho-so/nhap/{draft.token}/" in page
    assert not Message.objects.filter(topic="submissions.draft_saved").exists()
