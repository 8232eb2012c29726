"""The staff catalogue pages: list with search and filters, procedure detail, templates."""

from datetime import date

from django.core.files.base import ContentFile
from django.urls import reverse
import pytest

from motcua.catalog import services
from motcua.catalog.constants import OnlineLevel, Requirement

from .factories import (
    AgencyFactory,
    FieldFactory,
    StaffFactory,
    UnitFactory,
    add_process,
    make_draft,
    make_published,
)

pytestmark = pytest.mark.django_db
LIST = reverse("catalog:procedure_list")


@pytest.fixture
def signed_in(client, specialist):
    client.force_login(specialist.user)
    return client


def listed(response) -> list[str]:
    return [v.name for v in response.context["page"].object_list]


def test_sign_in_required(client):
    response = client.get(LIST)
    assert response.status_code == 302 and reverse("org:login") in response["Location"]


def test_the_list_shows_only_the_users_agency(signed_in, agency):
    make_published(agency, national_code="2.001610", name="Đăng ký thành lập doanh nghiệp tư nhân")
    make_published(AgencyFactory(), national_code="2.001610", name="Thủ tục của cơ quan khác")
    response = signed_in.get(LIST)
    assert listed(response) == ["Đăng ký thành lập doanh nghiệp tư nhân"]
    assert "Thủ tục của cơ quan khác" not in response.content.decode()


def test_search_ignores_marks_and_filters_combine(signed_in, agency):
    field = FieldFactory(agency=agency, name="Hỗ trợ doanh nghiệp nhỏ và vừa")
    make_published(agency, local_code="A", name="Đăng ký thành lập doanh nghiệp tư nhân")
    make_draft(
        agency,
        local_code="B",
        name="Thông báo thành lập quỹ đầu tư khởi nghiệp",
        field=field,
        online_level=OnlineLevel.FULL,
    )
    assert listed(signed_in.get(LIST, {"q": "dang ky doanh nghiep"})) == [
        "Đăng ký thành lập doanh nghiệp tư nhân"
    ]
    assert listed(signed_in.get(LIST, {"q": "thanh lap", "field": field.pk})) == [
        "Thông báo thành lập quỹ đầu tư khởi nghiệp"
    ]
    assert listed(signed_in.get(LIST, {"online": "unknown"})) == [
        "Đăng ký thành lập doanh nghiệp tư nhân"
    ]
    assert listed(signed_in.get(LIST, {"online": OnlineLevel.FULL})) == [
        "Thông báo thành lập quỹ đầu tư khởi nghiệp"
    ]


def test_the_list_is_paginated_and_keeps_the_query(signed_in, agency):
    for n in range(23):
        make_draft(agency, local_code=f"T{n:02d}", name=f"Thủ tục số {n:02d}")
    first = signed_in.get(LIST, {"q": "thu tuc"})
    assert len(listed(first)) == 20 and first.context["page"].paginator.count == 23
    assert "?q=thu+tuc&amp;page=2" in first.content.decode()
    second = signed_in.get(LIST, {"q": "thu tuc", "page": 2})
    assert listed(second) == ["Thủ tục số 20", "Thủ tục số 21", "Thủ tục số 22"]


def test_the_detail_page_shows_the_version_in_force_and_its_content(signed_in, agency):
    unit = UnitFactory(agency=agency, name="Phòng Đăng ký kinh doanh")
    draft = make_draft(
        agency,
        national_code="2.001610",
        legal_basis="Luật Doanh nghiệp số 59/2020/QH14",
        online_level=OnlineLevel.PARTIAL,
        result="Giấy chứng nhận đăng ký doanh nghiệp",
    )
    services.add_fee(draft, name="Lệ phí đăng ký doanh nghiệp", amount=50000)
    document = services.add_document(
        draft,
        name="Giấy đề nghị đăng ký doanh nghiệp",
        requirement=Requirement.CONDITIONAL,
        condition="Chỉ khi ủy quyền",
        template=ContentFile(b"mau", name="giay-de-nghi.docx"),
    )
    add_process(draft, [4, 16, 4], unit=unit)
    v1 = services.publish(draft, date(2022, 1, 1))
    v2 = services.new_draft_from(v1)
    services.edit_draft(v2, name="Tên dự thảo mới")

    response = signed_in.get(reverse("catalog:procedure_detail", args=[v1.procedure.pk]))
    html = response.content.decode()
    assert response.context["version"] == v1
    for text in (
        "Đăng ký thành lập doanh nghiệp tư nhân",
        "2.001610",
        "3 ngày làm việc",
        "Trực tuyến một phần",
        "Luật Doanh nghiệp số 59/2020/QH14",
        "50.000 đồng",
        "Giấy đề nghị đăng ký doanh nghiệp",
        "Chỉ khi ủy quyền",
        "Phòng Đăng ký kinh doanh",
        "2 ngày làm việc",
        "4 giờ làm việc",
        "Đang có hiệu lực",
        "Bản nháp",
        "Giấy chứng nhận đăng ký doanh nghiệp",
    ):
        assert text in html, text
    assert reverse("catalog:document_template", args=[document.pk]) in html

    url = reverse("catalog:procedure_detail", args=[v1.procedure.pk])
    other = signed_in.get(url, {"version": 2})
    assert other.context["version"] == v2 and "Tên dự thảo mới" in other.content.decode()


def test_another_agencys_procedure_is_not_found(signed_in):
    foreign = make_published(AgencyFactory(), local_code="X")
    url = reverse("catalog:procedure_detail", args=[foreign.procedure.pk])
    assert signed_in.get(url).status_code == 404


def test_published_templates_are_public_and_draft_ones_are_not(client, agency):
    draft = make_draft(agency, local_code="X")
    document = services.add_document(
        draft, name="Tờ khai", template=ContentFile(b"noi dung mau", name="to-khai.docx")
    )
    url = reverse("catalog:document_template", args=[document.pk])
    assert client.get(url).status_code == 404
    client.force_login(StaffFactory(agency=agency).user)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"noi dung mau"
    assert "to-khai" in response["Content-Disposition"]

    client.force_login(StaffFactory().user)  # staff of another agency
    assert client.get(url).status_code == 404
    add_process(draft, [24])
    services.publish(draft, date(2022, 1, 1))
    client.logout()
    assert client.get(url).status_code == 200
