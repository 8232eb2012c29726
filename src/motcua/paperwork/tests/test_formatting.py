"""How dates, times, money and the place line are written on the forms."""

from datetime import UTC, date, datetime

from motcua.org.models import Agency
from motcua.paperwork.formatting import dated_line, day, moment_words, money
from motcua.paperwork.letterhead import place_date, place_of

from .conftest import vn


def test_dates_and_times_are_read_in_vietnam_time():
    utc_evening = datetime(2024, 3, 4, 17, 30, tzinfo=UTC)  # already the 5th in Vietnam
    assert day(utc_evening) == "05/03/2024"
    assert moment_words(utc_evening) == "00 giờ 30 phút, ngày 05/03/2024"
    assert moment_words(vn(2024, 3, 4, 9, 5)) == "09 giờ 05 phút, ngày 04/03/2024"
    assert day(None) == moment_words(None) == ""


def test_the_date_line_follows_decree_30():
    assert dated_line(date(2024, 3, 4)) == "ngày 04 tháng 3 năm 2024"
    assert dated_line(date(2024, 2, 14)) == "ngày 14 tháng 02 năm 2024"
    assert dated_line(date(2024, 12, 25)) == "ngày 25 tháng 12 năm 2024"


def test_money_is_written_with_dots():
    assert money(1250000) == "1.250.000 đồng"
    assert money(500) == "500 đồng"
    assert money(0) == "Miễn"
    assert money(None) == "Chưa rõ"


def test_the_place_comes_from_the_names_then_the_address(db):
    province = Agency(code="000.00.00.H34", name="UBND TỈNH KHÁNH HÒA", level="province")
    assert place_of(province) == "Khánh Hòa"
    department = Agency(
        code="000.00.17.H34", name="Sở Tài chính", level="department", parent=province
    )
    assert place_of(department) == "Khánh Hòa"
    ward = Agency(
        code="000.00.01.H34",
        name="UBND phường Bắc Nha Trang",
        level="commune",
        address="02 Hùng Vương, phường Bắc Nha Trang, tỉnh Khánh Hòa",
    )
    assert place_of(ward) == "Khánh Hòa"
    unknown = Agency(code="000.00.02.H34", name="Trung tâm Phục vụ hành chính công")
    assert place_of(unknown) == ""
    assert place_date(unknown, date(2024, 3, 4)) == "Ngày 04 tháng 3 năm 2024"
    assert place_date(department, date(2024, 3, 4)) == "Khánh Hòa, ngày 04 tháng 3 năm 2024"
