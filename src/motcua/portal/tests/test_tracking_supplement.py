"""The online supplement from the tracking page: the files reach the dossier and the clock runs
again; a bad file stores nothing and loses nothing typed."""

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
import pytest

from motcua.dossiers.constants import Action, State
from motcua.dossiers.models import Attachment, Dossier
from motcua.dossiers.tests.conftest import build_world

from .test_tracking import ITEM, REASON, check, waiting

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
NOTE = "Đã ký lại giấy đề nghị, gửi kèm bản vẽ."


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def checked(client, world):
    """A dossier waiting for a supplement, already checked in this browser session."""
    dossier = waiting(world)
    assert check(client, dossier.code, dossier.tracking_secret).status_code == 302
    return dossier


def send(client, dossier, **fields):
    return client.post(reverse("tracking:supplement", args=[dossier.code]), fields)


def test_the_page_lists_what_is_missing_with_a_file_for_each(client, checked):
    response = client.get(reverse("tracking:dossier", args=[checked.code]))
    html = response.content.decode()
    assert REASON in html
    assert f"{ITEM}: Ký và ghi rõ họ tên" in html
    form = response.context["form"]
    assert [form[name].label for name in form.fields] == [
        ITEM,
        "Bản vẽ mặt bằng",
        "Tài liệu khác (nếu có)",
        "Ghi chú gửi kèm",
    ]
    assert 'enctype="multipart/form-data"' in html
    assert '<label class="form-label" for="id_item_0">' in html


def test_a_pdf_supplement_resumes_the_dossier_and_is_kept(client, checked):
    response = send(
        client,
        checked,
        item_0=SimpleUploadedFile("giay-de-nghi.pdf", PDF),
        other=SimpleUploadedFile("ban-ve.png", PNG),
        note=NOTE,
    )
    assert response.status_code == 302
    dossier = Dossier.objects.get(pk=checked.pk)
    assert dossier.state == State.PROCESSING
    assert dossier.clock_stopped_at is None
    assert dossier.supplements.get().answered_at is not None
    stored = {a.original_name: a for a in dossier.attachments.all()}
    assert set(stored) == {"giay-de-nghi.pdf", "ban-ve.png"}
    assert stored["giay-de-nghi.pdf"].document.name == ITEM
    assert stored["ban-ve.png"].document is None
    with stored["giay-de-nghi.pdf"].file.open("rb") as kept:
        assert kept.read() == PDF
    event = dossier.events.get(action=Action.SUPPLEMENT)
    assert event.note == NOTE and event.actor is None
    page = client.get(response["Location"]).content.decode()
    assert "Đã nhận hồ sơ bổ sung" in page
    assert "Đang xử lý tại Phòng Đăng ký kinh doanh" in page
    assert "Gửi hồ sơ bổ sung" not in page


@pytest.mark.parametrize(
    "upload, message",
    [
        (
            SimpleUploadedFile("giay-de-nghi.pdf", b"MZ\x90\x00 not a pdf"),
            "Nội dung tệp «giay-de-nghi.pdf» không khớp với định dạng .pdf.",
        ),
        (SimpleUploadedFile("giay-de-nghi.exe", PDF), "không đúng định dạng"),
    ],
)
def test_a_bad_file_is_refused_next_to_it_and_the_note_is_kept(client, checked, upload, message):
    response = send(
        client, checked, item_0=upload, other=SimpleUploadedFile("ban-ve.pdf", PDF), note=NOTE
    )
    assert response.status_code == 200
    html = response.content.decode()
    error = html.split('id="id_item_0_error"', 1)[1].split("</div>", 1)[0]
    assert message in error
    assert NOTE in html.split('name="note"', 1)[1].split("</textarea>", 1)[0]
    assert not Attachment.objects.exists()
    dossier = Dossier.objects.get(pk=checked.pk)
    assert dossier.state == State.AWAITING_SUPPLEMENT
    assert not dossier.events.filter(action=Action.SUPPLEMENT).exists()


def test_an_empty_supplement_asks_for_something(client, checked):
    response = send(client, checked, note="   ")
    assert response.status_code == 200
    assert "Cần đính kèm ít nhất một tệp hoặc ghi chú" in response.content.decode()
    assert Dossier.objects.get(pk=checked.pk).state == State.AWAITING_SUPPLEMENT


def test_the_supplement_needs_a_check_in_this_session(client, world):
    dossier = waiting(world)
    response = send(client, dossier, item_0=SimpleUploadedFile("a.pdf", PDF))
    assert response.status_code == 302
    assert response["Location"].startswith("/tra-cuu/?ma=")
    assert Dossier.objects.get(pk=dossier.pk).state == State.AWAITING_SUPPLEMENT


def test_supplement_posts_are_limited_per_address(client, checked, settings):
    settings.MOTCUA_TRACKING_SUPPLEMENTS_PER_IP = 2
    for _ in range(2):
        assert send(client, checked, note="").status_code == 200
    refused = send(client, checked, item_0=SimpleUploadedFile("a.pdf", PDF))
    assert refused.status_code == 429
    assert Dossier.objects.get(pk=checked.pk).state == State.AWAITING_SUPPLEMENT


def test_a_second_send_after_the_supplement_changes_nothing(client, checked):
    send(client, checked, item_0=SimpleUploadedFile("a.pdf", PDF))
    again = send(client, checked, item_0=SimpleUploadedFile("b.pdf", PDF))
    assert again.status_code == 302
    assert Attachment.objects.count() == 1
    assert "Hồ sơ hiện không chờ bổ sung." in client.get(again["Location"]).content.decode()
