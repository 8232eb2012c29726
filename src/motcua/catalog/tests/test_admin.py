"""The Django admin: scoped to the agency, published versions read-only."""

from datetime import date

from django.urls import reverse
import pytest

from motcua.catalog.constants import SupplementClock, VersionStatus
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.org.constants import Role

from .factories import AgencyFactory, StaffFactory, add_process, make_draft, make_published

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, agency):
    staff = StaffFactory(agency=agency, roles=[Role.OFFICE], user__is_staff=True)
    client.force_login(staff.user)
    return client


def change_url(version):
    return reverse("admin:catalog_procedureversion_change", args=[version.pk])


def test_lists_show_only_the_agencys_rows(admin_client, agency):
    mine = make_published(agency, local_code="CUA-TOI", name="Thủ tục của tôi")
    make_published(AgencyFactory(), local_code="KHAC", name="Thủ tục cơ quan khác")
    for name in ("procedure", "procedureversion"):
        html = admin_client.get(reverse(f"admin:catalog_{name}_changelist")).content.decode()
        assert "CUA-TOI" in html and "KHAC" not in html
    assert admin_client.get(change_url(mine)).status_code == 200


def test_a_published_version_is_read_only(admin_client, agency):
    version = make_published(agency, local_code="X", name="Tên đã công bố")
    html = admin_client.get(change_url(version)).content.decode()
    assert 'name="name"' not in html and 'name="steps-0-hours"' not in html
    assert "Tên đã công bố" in html
    admin_client.post(change_url(version), {"name": "Sửa lịch sử"})
    version.refresh_from_db()
    assert version.name == "Tên đã công bố"


def management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": total,
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


def test_a_draft_is_edited_with_its_process(admin_client, agency):
    draft = make_draft(agency, local_code="X")
    form = admin_client.get(change_url(draft)).content.decode()
    assert 'name="name"' in form and 'name="steps-TOTAL_FORMS"' in form
    data = {
        "name": "Tên mới",
        "time_limit_value": "3",
        "time_limit_unit": "working_days",
        "supplement_clock": SupplementClock.CONTINUE,
        "effective_from": "01/02/2024",
        **management("fees"),
        **management("documents"),
        **management("steps", total=1),
        "steps-0-position": 1,
        "steps-0-name": "Thẩm định",
        "steps-0-role": Role.SPECIALIST,
        "steps-0-hours": "24",
    }
    response = admin_client.post(change_url(draft), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    draft.refresh_from_db()
    assert (draft.name, draft.supplement_clock) == ("Tên mới", SupplementClock.CONTINUE)
    assert draft.effective_from == date(2024, 2, 1) and draft.steps.get().hours == 24


def test_actions_publish_and_make_a_new_draft(admin_client, agency):
    draft = make_draft(agency, local_code="X", effective_from=date(2022, 1, 1))
    incomplete = make_draft(agency, local_code="Y", effective_from=date(2022, 1, 1))
    add_process(draft, [24])
    changelist = reverse("admin:catalog_procedureversion_changelist")
    response = admin_client.post(
        changelist,
        {"action": "publish_selected", "_selected_action": [draft.pk, incomplete.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "Đã công bố: 1 phiên bản." in html and "Chưa có quy trình nội bộ" in html
    draft.refresh_from_db()
    incomplete.refresh_from_db()
    assert draft.status == VersionStatus.PUBLISHED and incomplete.is_draft

    admin_client.post(
        changelist, {"action": "new_draft_from_selected", "_selected_action": [draft.pk]}
    )
    assert draft.procedure.versions.filter(number=2, status=VersionStatus.DRAFT).exists()


def test_adding_a_procedure_creates_its_first_draft(admin_client, agency):
    response = admin_client.post(
        reverse("admin:catalog_procedure_add"),
        {
            "agency": agency.pk,
            "national_code": "2.001610",
            "local_code": "2.001610",
            "name": "Đăng ký thành lập doanh nghiệp tư nhân",
        },
    )
    assert response.status_code == 302
    procedure = Procedure.objects.get(agency=agency, national_code="2.001610")
    assert ProcedureVersion.objects.get(procedure=procedure).name == (
        "Đăng ký thành lập doanh nghiệp tư nhân"
    )
