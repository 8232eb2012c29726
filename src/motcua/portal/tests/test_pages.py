"""The public handbook pages, anonymous, on the demo Department."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse
import pytest
import time_machine

from motcua.catalog.models import Procedure, ProcedureVersion, RequiredDocument
from motcua.catalog.selectors import version_in_force
from motcua.org.models import Unit
from motcua.org.tests.factories import make_staff
from motcua.portal.demo import load_demo_portal
from motcua.portal.models import Announcement, SupportSession

from .conftest import PRIVATE_COMPANY

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
LIST = reverse("portal:procedure_list")


def _html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_home_browses_by_field_and_agency_with_news_and_sessions(client, department):
    html = _html(client, reverse("portal:home"))
    assert "Tra cứu 32 thủ tục đang có hiệu lực" in html
    assert "Thành lập và hoạt động của doanh nghiệp" in html
    assert f"?agency={department.pk}" in html
    assert "Hướng dẫn mới về nộp hồ sơ đăng ký thành lập doanh nghiệp trực tuyến" in html
    assert "Ngày thứ bảy tình nguyện" in html
    assert 'for="id_q"' in html
    assert "Đăng xuất" not in html


def test_search_ignores_diacritics_then_tolerates_typos(client, department):
    response = client.get(LIST, {"q": "dang ky thanh lap doanh nghiep tu nhan"})
    assert [v.name for v in response.context["page"]] == [PRIVATE_COMPANY]
    assert response.context["fuzzy"] is False
    response = client.get(LIST, {"q": "dang ki thanh lap doanh nghep"})
    assert [v.name for v in response.context["page"]] == [PRIVATE_COMPANY]
    assert "các thủ tục gần giống nhất" in response.content.decode()
    assert "Không tìm thấy thủ tục phù hợp" in _html(client, LIST, q="cấp hộ chiếu")


def test_filters_and_pagination(client, department):
    field = department.procedure_fields.get(name="Thành lập và hoạt động của doanh nghiệp")
    response = client.get(LIST, {"field": field.pk, "agency": department.pk})
    page = response.context["page"]
    assert page.paginator.count == 20 and {v.field_id for v in page} == {field.pk}
    second = client.get(LIST, {"agency": department.pk, "page": 2}).context["page"]
    assert second.number == 2 and len(second) == 12


@time_machine.travel(datetime(2023, 10, 27, 9, 32, tzinfo=VIETNAM), tick=False)
def test_procedure_page_shows_everything_and_the_live_due_date(client, private_company):
    document = RequiredDocument.objects.filter(version__procedure=private_company).first()
    RequiredDocument.objects.filter(pk=document.pk).update(template="catalog/mau-don/mau.docx")
    html = _html(client, reverse("portal:procedure_detail", args=[private_company.pk]))
    # 3 working days from Friday 09:32 keep the clock time: Wednesday 09:32.
    assert "ngày hẹn trả kết quả dự kiến là 09:32, Thứ Tư, 01/11/2023" in html
    for heading in (
        "Thành phần hồ sơ",
        "Phí, lệ phí",
        "Cách thức và nơi nộp hồ sơ",
        "Yêu cầu, điều kiện thực hiện",
        "Căn cứ pháp lý",
        "Mức độ trực tuyến",
    ):
        assert heading in html
    assert "50.000 đồng" in html and "Nghị định số 01/2021/NĐ-CP" in html
    assert reverse("catalog:document_template", args=[document.pk]) in html
    # The demo announcement (20/06/2025) was not published yet in 2023.
    assert "Thông báo liên quan" not in html


@time_machine.travel(datetime(2023, 10, 27, 16, 0, tzinfo=VIETNAM), tick=False)
def test_the_due_date_follows_the_15h_rule_of_the_procedure(client, private_company):
    url = reverse("portal:procedure_detail", args=[private_company.pk])
    versions = ProcedureVersion.objects.filter(pk=version_in_force(private_company).pk)
    versions.update(after_15h_next_day=False)
    assert "16:00, Thứ Tư, 01/11/2023" in _html(client, url)
    versions.update(after_15h_next_day=True)
    # Counted from Monday 07:00: three whole days later at that clock time, Thursday 07:00.
    assert "07:00, Thứ Năm, 02/11/2023" in _html(client, url)


def test_an_unknown_time_limit_gives_a_sentence_instead_of_a_date(client, private_company):
    ProcedureVersion.objects.filter(pk=version_in_force(private_company).pk).update(
        time_limit_value=None, time_limit_unit=""
    )
    html = _html(client, reverse("portal:procedure_detail", args=[private_company.pk]))
    assert "chưa thể tính ngày hẹn trả kết quả" in html


def test_a_procedure_not_in_force_is_not_public(client, department):
    draft_only = Procedure.objects.get(agency=department, versions__name="Giải thể doanh nghiệp")
    assert client.get(reverse("portal:procedure_detail", args=[draft_only.pk])).status_code == 404


def test_announcements_link_their_procedures_and_sessions_list_only_upcoming(
    client, department, private_company
):
    detail = reverse("portal:procedure_detail", args=[private_company.pk])
    assert detail in _html(client, reverse("portal:announcement_list"))
    assert "Hướng dẫn mới về nộp hồ sơ đăng ký thành lập doanh nghiệp" in _html(client, detail)
    SupportSession.objects.filter(pk=SupportSession.objects.first().pk).update(
        starts_at=datetime(2020, 1, 4, 7, 30, tzinfo=VIETNAM),
        ends_at=datetime(2020, 1, 4, 11, 30, tzinfo=VIETNAM),
    )
    html = _html(client, reverse("portal:session_list"))
    assert html.count("Ngày thứ bảy tình nguyện") == 2
    assert "07:30, Thứ Bảy" in html and "Số 1 Trần Phú" in html


def test_demo_rows_load_once(department):
    load_demo_portal(department)
    assert Announcement.objects.count() == 1 and SupportSession.objects.count() == 3
    assert list(Announcement.objects.get().procedures.values_list("agency", flat=True)) == [
        department.pk
    ]


@pytest.mark.parametrize("model", ["announcement", "supportsession"])
def test_the_admin_shows_an_agency_only_its_own_rows(client, department, other_agency, model):
    Announcement.objects.create(
        agency=other_agency,
        title="Tin của Sở Tài chính",
        body="…",
        published_on=datetime(2024, 1, 1).date(),
    )
    SupportSession.objects.create(
        agency=other_agency,
        title="Buổi của Sở Tài chính",
        place="Sở Tài chính",
        starts_at=datetime(2030, 1, 5, 7, 30, tzinfo=VIETNAM),
        ends_at=datetime(2030, 1, 5, 11, 30, tzinfo=VIETNAM),
    )
    staff = make_staff("quantri-cong", department, Unit.objects.filter(agency=department).first())
    staff.user.is_staff = staff.user.is_superuser = True
    staff.user.save()
    client.force_login(staff.user)
    html = _html(client, f"/quan-tri/portal/{model}/")
    assert "Tin của Sở Tài chính" not in html and "Buổi của Sở Tài chính" not in html
    assert "Ngày thứ bảy tình nguyện" in html or "Hướng dẫn mới" in html
