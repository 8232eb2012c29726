"""Catalogue fixtures; `agency` (000.00.17.H34) comes from motcua/conftest.py."""

import pytest

from motcua.org.constants import Role

from .factories import StaffFactory, UnitFactory

DEMO_UNITS = {
    "mot-cua": "Bộ phận Một cửa",
    "van-phong": "Văn phòng Sở",
    "dang-ky-kinh-doanh": "Phòng Đăng ký kinh doanh",
    "xuc-tien-dau-tu": "Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp",
    "kinh-te-doi-ngoai": "Phòng Kinh tế đối ngoại",
    "dau-thau": "Phòng Đấu thầu, Thẩm định và Giám sát đầu tư",
    "tong-hop-quy-hoach": "Phòng Tổng hợp, Quy hoạch",
    "kinh-te-nganh": "Phòng Kinh tế ngành",
    "khoa-giao-van-xa": "Phòng Khoa giáo - Văn xã",
    "thanh-tra": "Thanh tra Sở",
}


def with_demo_units(agency):
    for code, name in DEMO_UNITS.items():
        UnitFactory(agency=agency, code=code, name=name, is_counter=code == "mot-cua")
    return agency


@pytest.fixture
def demo_agency(agency):
    return with_demo_units(agency)


@pytest.fixture
def office_staff(agency):
    return StaffFactory(agency=agency, roles=[Role.OFFICE])


@pytest.fixture
def specialist(agency):
    return StaffFactory(agency=agency, roles=[Role.SPECIALIST])
