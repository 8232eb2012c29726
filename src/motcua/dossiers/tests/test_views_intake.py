"""Intake at the counter: choose the procedure, fill the checklist; a complete dossier is
received, an incomplete one gets a guidance slip, bad input comes back with every value kept."""

from django.urls import reverse
import pytest
import time_machine

from motcua.catalog import services as catalog
from motcua.catalog.constants import Requirement
from motcua.dossiers import services
from motcua.dossiers.constants import State
from motcua.dossiers.models import Dossier, GuidanceSlip
from motcua.org.constants import Role
from motcua.org.models import Agency, Unit
from motcua.org.tests.factories import make_staff

from .conftest import vn

START = reverse("dossiers:intake_start")


@pytest.fixture(autouse=True)
def monday_morning():
    with time_machine.travel(vn(2024, 3, 4, 9, 30), tick=False):
        yield


@pytest.fixture
def officer(client, world):
    client.force_login(world.officer.user)
    return client


def form_url(world) -> str:
    return reverse("dossiers:intake", args=[world.procedure.pk])


def filled(world, *, tick=("Giấy đề nghị", "Bản sao giấy tờ"), **changes) -> dict:
    """What the officer types: the applicant, and the documents whose names start with `tick`."""
    data = {
        "idempotency_key": "form-1",
        "applicant_kind": "person",
        "applicant_name": "Nguyễn Thị Hoa",
        "applicant_id_number": "056190001234",
        "applicant_phone": "0912 345 678",
        "applicant_email": "hoa@example.vn",
        "applicant_address": "12 Lê Thánh Tôn, Nha Trang",
        "owner_name": "",
        "subject": "",
        "sets": "1",
        "return_method": "counter",
        "postal_address": "",
        "khac-TOTAL_FORMS": "2",
        "khac-INITIAL_FORMS": "0",
        "khac-0-name": "Giấy xác nhận địa chỉ",
        "khac-0-originals": "1",
        "khac-0-copies": "0",
    }
    version = world.procedure.versions.get()
    for document in version.documents.all():
        prefix = f"giayto-{document.pk}"
        data[f"{prefix}-originals"] = str(document.originals or 0)
        data[f"{prefix}-copies"] = str(document.copies or 0)
        if document.name.startswith(tick):
            data[f"{prefix}-received"] = "on"
    data.update(changes)
    return data


def test_only_counter_officers_receive(client, world):
    client.force_login(world.specialist.user)
    assert client.get(START).status_code == 403
    assert client.post(form_url(world), filled(world)).status_code == 403
    assert not Dossier.objects.exists()


def test_the_procedure_is_found_without_diacritics(officer, world):
    response = officer.get(START, {"q": "dang ky thanh lap DOANH NGHIEP"})
    assert [v.procedure for v in response.context["page"]] == [world.procedure]
    assert form_url(world) in response.content.decode()
    assert list(officer.get(START, {"q": "ho kinh doanh"}).context["page"]) == []


def test_the_checklist_marks_mandatory_and_conditional_documents(officer, world):
    html = officer.get(form_url(world)).content.decode()
    assert html.count("Bắt buộc</span>") == 2
    assert "Tùy trường hợp</span><br><small>Khi ủy quyền</small>" in html
    assert "Số bản sao: Bản sao giấy tờ pháp lý của chủ doanh nghiệp" in html


def test_a_complete_dossier_is_received(officer, world):
    response = officer.post(form_url(world), filled(world))
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("dossiers:detail", args=[dossier.code])
    assert dossier.state == State.RECEIVED and dossier.received_by == world.officer
    assert dossier.applicant_phone == "0912345678"
    assert dossier.subject == "Đăng ký thành lập doanh nghiệp tư nhân"
    assert [(d.name, d.originals, d.copies) for d in dossier.documents.all()] == [
        ("Giấy đề nghị đăng ký doanh nghiệp", 1, 0),
        ("Bản sao giấy tờ pháp lý của chủ doanh nghiệp", 0, 1),
        ("Giấy xác nhận địa chỉ", 1, 0),
    ]
    page = officer.get(response["Location"]).content.decode()
    assert f"Đã tiếp nhận hồ sơ {dossier.code}; hẹn trả kết quả 09:30 ngày 07/03/2024." in page
    # The same page sent twice receives the dossier once.
    officer.post(form_url(world), filled(world))
    assert Dossier.objects.count() == 1


def test_an_incomplete_dossier_is_offered_a_guidance_slip(officer, world):
    data = filled(world, tick=("Giấy đề nghị",))
    response = officer.post(form_url(world), data)
    assert response.status_code == 400
    assert response.context["missing"] == ["Bản sao giấy tờ pháp lý của chủ doanh nghiệp"]
    html = response.content.decode()
    assert "Hồ sơ chưa đầy đủ, chưa thể tiếp nhận" in html
    assert 'value="Nguyễn Thị Hoa"' in html
    assert not Dossier.objects.exists()

    data.update(intent="guidance", guidance_note="Mang bản sao có chứng thực")
    response = officer.post(form_url(world), data)
    slip = GuidanceSlip.objects.get()
    assert response["Location"] == reverse("dossiers:guidance_slip", args=[slip.pk])
    assert slip.missing == ["Bản sao giấy tờ pháp lý của chủ doanh nghiệp"]
    assert slip.note == "Mang bản sao có chứng thực" and slip.applicant_phone == "0912345678"
    page = officer.get(response["Location"]).content.decode()
    assert f"Phiếu hướng dẫn hoàn thiện hồ sơ số {slip.number}" in page
    assert not Dossier.objects.exists()


def test_bad_input_is_shown_beside_the_fields_and_nothing_typed_is_lost(officer, world):
    data = filled(
        world,
        applicant_name="",
        applicant_phone="12345",
        applicant_id_number="ABC",
        applicant_email="hoa@",
        return_method="post",
        **{"khac-1-originals": "2"},
    )
    response = officer.post(form_url(world), data)
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors == {
        "applicant_name": ["Trường này là bắt buộc."],
        "applicant_phone": ["Số điện thoại không hợp lệ (ví dụ 0912345678)."],
        "applicant_id_number": [
            "Số giấy tờ không hợp lệ: CCCD 12 số, CMND 9 số, hộ chiếu (1 chữ và 7 số) hoặc mã số "
            "thuế."
        ],
        "applicant_email": ["Thư điện tử không hợp lệ (ví dụ ten@example.vn)."],
        "postal_address": ["Nhận kết quả qua bưu chính cần địa chỉ nhận."],
    }
    assert form.extras.errors[1] == {"name": ["Ghi tên giấy tờ."]}
    html = response.content.decode()
    for kept in (
        'value="12345"',
        'value="ABC"',
        'value="hoa@"',
        'value="Giấy xác nhận địa chỉ"',
        '<option value="post" selected>',
        'aria-invalid="true"',
    ):
        assert kept in html
    assert html.count("checked") == 2  # the ticked documents stay ticked
    assert not Dossier.objects.exists()


def test_a_ticked_document_needs_a_count(officer, world):
    document = (
        world.procedure.versions.get().documents.filter(requirement=Requirement.MANDATORY).first()
    )
    data = filled(
        world, **{f"giayto-{document.pk}-originals": "0", f"giayto-{document.pk}-copies": "0"}
    )
    response = officer.post(form_url(world), data)
    assert response.status_code == 400
    assert "Giấy tờ đã nhận cần ít nhất một bản chính hoặc bản sao." in response.content.decode()


def test_another_agencys_procedures_and_slips_are_not_found(client, world):
    agency = Agency.objects.create(code="000.00.18.H34", name="Sở Tài chính", level="department")
    unit = Unit.objects.create(agency=agency, code="mot-cua", name="Một cửa", is_counter=True)
    stranger = make_staff("nguoila", agency, unit, Role.COUNTER_OFFICER)
    slip = services.issue_guidance_slip(
        world.officer, world.procedure, "Nguyễn Thị Hoa", world.documents(all_mandatory=False)
    )
    client.force_login(stranger.user)
    assert client.get(form_url(world)).status_code == 404
    assert client.get(reverse("dossiers:guidance_slip", args=[slip.pk])).status_code == 404
    assert list(client.get(START, {"q": "doanh nghiep"}).context["page"]) == []


def test_a_procedure_without_a_version_in_force_cannot_be_received(officer, world):
    draft = catalog.create_procedure(world.agency, name="Thủ tục đang soạn", local_code="X1")
    assert officer.get(reverse("dossiers:intake", args=[draft.procedure.pk])).status_code == 404
