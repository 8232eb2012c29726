"""Mẫu 06 (2018) / 07 (2025): the register of the dossiers an agency received in a period."""

from datetime import date

from django.urls import reverse
import pytest

from motcua.dossiers import services
from motcua.dossiers.services import ApplicantData
from motcua.org.constants import Role
from motcua.org.models import Unit
from motcua.org.tests.factories import make_staff
from motcua.paperwork.errors import InvalidPeriod
from motcua.paperwork.forms import form_context, render_docx
from motcua.paperwork.register import RegisterPeriod, parse_period

from .conftest import docx_document, docx_rows, docx_text, vn

MARCH = ("01/03/2024", "31/03/2024")


@pytest.fixture
def received(world):
    """Dossiers received just before March, on 4/3 (returned), on 5/3, and as April begins."""
    world.receive(at=vn(2024, 2, 29, 23, 59))
    returned = world.receive(at=vn(2024, 3, 4, 9, 30), sets=2)
    returned = services.forward(returned, world.officer, at=vn(2024, 3, 4, 10, 0))
    returned = services.refuse(returned, world.head, "Không đủ điều kiện", at=vn(2024, 3, 5, 9, 0))
    services.return_result(returned, world.officer, at=vn(2024, 3, 5, 10, 0))
    world.receive(
        at=vn(2024, 3, 5, 16, 45),
        applicant=ApplicantData(
            name="Lê Văn Cường",
            address="3 Hùng Vương, Nha Trang",
            phone="0987654321",
            owner_name="Công ty TNHH Cường Thịnh",
        ),
    )
    world.receive(at=vn(2024, 4, 1, 0, 0))
    return world


def _period(world, start, end):
    return RegisterPeriod(world.agency, *parse_period(start, end))


def test_one_row_per_dossier_received_in_the_period(received):
    rows = form_context("register", _period(received, *MARCH))["rows"]
    assert [r["received"] for r in rows] == ["04/03/2024", "05/03/2024"]
    assert [r["number"] for r in rows] == [2, 3]  # the book runs on from 29/02
    first, second = rows
    assert first["code"] == "000.00.17.H34-240304-0001"
    assert first["procedure"] == "Đăng ký thành lập doanh nghiệp tư nhân"
    assert first["sets"] == 2
    assert first["due"] == "07/03/2024" and first["returned"] == "05/03/2024"
    assert first["receiver"] == "Võ Thị Mai"
    assert first["remark"] == "Đã trả kết quả, trước hạn"
    assert second["owner"] == "Công ty TNHH Cường Thịnh"
    assert second["contact"] == "3 Hùng Vương, Nha Trang; ĐT: 0987654321"
    assert second["returned"] == ""


def test_the_docx_is_a4_landscape_with_the_rows(received):
    content = render_docx("register", _period(received, *MARCH))
    section = docx_document(content).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    text = docx_text(content)
    assert "Mẫu số 06" in text and "SỔ THEO DÕI HỒ SƠ" in text
    assert "Từ ngày 01/03/2024 đến ngày 31/03/2024" in text
    assert "Tổng số: 2 hồ sơ." in text
    rows = docx_rows(content, "STT")
    assert [row[:2] for row in rows] == [
        ["2", "000.00.17.H34-240304-0001"],
        ["3", "000.00.17.H34-240305-0001"],
    ]


def test_a_2025_period_prints_mau_07(world):
    world.receive(at=vn(2025, 7, 2, 9, 0))
    context = form_context("register", _period(world, "01/07/2025", "31/07/2025"))
    assert context["form_number"] == "Mẫu số 07"
    assert context["total"] == 1


@pytest.mark.parametrize(
    "start, end, message",
    [
        ("31/02/2024", "01/03/2024", "Ngày bắt đầu «31/02/2024» không hợp lệ"),
        ("01/03/2024", "2024-03-31", "Ngày kết thúc «2024-03-31» không hợp lệ"),
        ("31/03/2024", "01/03/2024", "Ngày bắt đầu (31/03/2024) sau ngày kết thúc (01/03/2024)"),
        ("01/01/2023", "31/03/2024", "tối đa 366 ngày"),
    ],
)
def test_bad_periods_are_refused(start, end, message):
    with pytest.raises(InvalidPeriod, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_period(start, end)


def test_missing_dates_mean_this_month_to_date():
    assert parse_period(None, None, today=date(2024, 3, 14)) == (
        date(2024, 3, 1),
        date(2024, 3, 14),
    )
    assert parse_period("", "20/02/2024") == (date(2024, 2, 1), date(2024, 2, 20))


def test_the_register_pages(signed_in, received):
    url = reverse("paperwork:register_html")
    page = signed_in.get(url, {"tu": MARCH[0], "den": MARCH[1]})
    assert page.status_code == 200
    html = page.content.decode()
    assert "000.00.17.H34-240305-0001" in html and "000.00.17.H34-240401-0001" not in html
    assert "@page { size: A4 landscape;" in html
    assert "so-theo-doi.docx?tu=01%2F03%2F2024&amp;den=31%2F03%2F2024" in html
    bad = signed_in.get(url, {"tu": "32/03/2024"})
    assert bad.status_code == 400
    assert "Ngày bắt đầu «32/03/2024» không hợp lệ" in bad.content.decode()
    docx = signed_in.get(reverse("paperwork:register_docx"), {"tu": MARCH[0], "den": MARCH[1]})
    assert docx.status_code == 200
    assert "Tổng số: 2 hồ sơ." in docx_text(docx.content)


def test_another_agency_sees_only_its_own_register(client, received, other_agency):
    unit = Unit.objects.create(agency=other_agency, code="mot-cua", name="Một cửa")
    stranger = make_staff("khac", other_agency, unit, Role.COUNTER_OFFICER)
    client.force_login(stranger.user)
    page = client.get(reverse("paperwork:register_html"), {"tu": MARCH[0], "den": MARCH[1]})
    assert page.status_code == 200
    assert "Tổng số: 0 hồ sơ." in page.content.decode()
    assert "000.00.17.H34" not in page.content.decode()
