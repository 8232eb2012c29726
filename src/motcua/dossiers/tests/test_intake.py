import pytest

from motcua.dossiers import services
from motcua.dossiers.constants import Action, Channel, State
from motcua.dossiers.errors import Forbidden, IncompleteDossier, InvalidInput
from motcua.dossiers.models import Dossier, GuidanceSlip
from motcua.dossiers.services import ApplicantData

from .conftest import vn


def test_a_complete_dossier_gets_code_appointment_steps_and_event(world):
    dossier = world.receive(at=vn(2023, 10, 27, 9, 32))

    assert dossier.code == "000.00.17.H34-231027-0001"
    assert dossier.state == State.RECEIVED
    assert dossier.channel == Channel.COUNTER
    assert dossier.regime.code == "2018"
    # Received 09:32 Friday 27/10/2023, 3 working days → Wednesday 01/11/2023 09:32.
    assert dossier.due_at == vn(2023, 11, 1, 9, 32)
    assert dossier.current_step.name == "Tiếp nhận hồ sơ"
    # 4 working hours: 09:32–11:30, then 13:30–15:32.
    assert dossier.current_step.due_at == vn(2023, 10, 27, 15, 32)
    assert dossier.steps.count() == 5
    assert [d.name for d in dossier.documents.all()] == [
        "Giấy đề nghị đăng ký doanh nghiệp",
        "Bản sao giấy tờ pháp lý của chủ doanh nghiệp",
        "Văn bản ủy quyền",
    ]
    event = dossier.events.get()
    assert (event.action, event.to_state, event.actor_name) == (
        Action.RECEIVE,
        State.RECEIVED,
        "Võ Thị Mai",
    )
    assert len(dossier.tracking_secret) == 8


def test_codes_run_per_day_and_restart_the_next_day(world):
    first = world.receive(at=vn(2024, 3, 4, 8, 0))
    second = world.receive(at=vn(2024, 3, 4, 16, 0))
    next_day = world.receive(at=vn(2024, 3, 5, 8, 0))
    assert first.code.endswith("-240304-0001")
    assert second.code.endswith("-240304-0002")
    assert next_day.code.endswith("-240305-0001")


def test_the_regime_follows_the_receipt_date(world):
    assert world.receive(at=vn(2025, 6, 30, 16, 0)).regime.code == "2018"
    assert world.receive(at=vn(2025, 7, 1, 8, 0)).regime.code == "2025"


def test_an_incomplete_dossier_creates_nothing_and_names_what_is_missing(world):
    incomplete = [d for d in world.documents() if "Giấy đề nghị" not in d.name]
    with pytest.raises(IncompleteDossier) as refusal:
        world.receive(documents=incomplete)
    assert refusal.value.missing == ["Giấy đề nghị đăng ký doanh nghiệp"]
    assert "Còn thiếu: Giấy đề nghị đăng ký doanh nghiệp" in refusal.value.message
    assert not Dossier.objects.exists()


def test_conditional_documents_are_not_required(world):
    mandatory_only = [d for d in world.documents() if d.name != "Văn bản ủy quyền"]
    assert world.receive(documents=mandatory_only).documents.count() == 2


def test_guidance_slip_lists_everything_missing_once(world):
    slip = services.issue_guidance_slip(
        world.officer,
        world.procedure,
        "Trần Văn Nam",
        [],
        phone="0905111222",
        at=vn(2024, 3, 4, 10, 0),
    )
    assert slip.missing == [
        "Giấy đề nghị đăng ký doanh nghiệp",
        "Bản sao giấy tờ pháp lý của chủ doanh nghiệp",
    ]
    assert slip.number == "1/2024/HDHS"
    assert GuidanceSlip.objects.count() == 1 and not Dossier.objects.exists()


def test_bad_applicant_data_is_refused_in_vietnamese(world):
    bad = ApplicantData(name="Nguyễn Thị Hoa", phone="12345", id_number="abc", email="hoa@")
    with pytest.raises(InvalidInput) as refusal:
        world.receive(applicant=bad)
    message = refusal.value.message
    assert "số điện thoại «12345» không hợp lệ" in message
    assert "số giấy tờ «abc» không hợp lệ" in message
    assert "thư điện tử «hoa@» không hợp lệ" in message
    assert not Dossier.objects.exists()


def test_only_counter_officers_receive(world):
    with pytest.raises(Forbidden, match="không có quyền «Tiếp nhận"):
        services.receive(world.specialist, world.procedure, world.intake(), at=vn(2024, 3, 4, 9))


def test_a_procedure_not_yet_in_force_cannot_be_received(world):
    with pytest.raises(InvalidInput, match="chưa có phiên bản có hiệu lực"):
        world.receive(at=vn(2021, 12, 31, 9, 0))


def test_after_15h_option_counts_from_the_next_working_day(world):
    from motcua.catalog import services as catalog

    draft = catalog.new_draft_from(world.procedure.versions.get(number=1))
    catalog.edit_draft(draft, after_15h_next_day=True)
    catalog.publish(draft, vn(2024, 1, 1, 0, 0).date())
    at = vn(2024, 3, 4, 15, 30)  # Monday
    dossier = world.receive(at=at, documents=world.documents(at=at))
    # Counting starts Tuesday 07:00; 3 working days later, at that clock time: Friday 07:00.
    assert dossier.due_at == vn(2024, 3, 8, 7, 0)
    assert dossier.version.number == 2
