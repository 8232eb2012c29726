"""The demo Department: Khánh Hòa's Department of Planning and Investment, its units and staff.

The units are those the Department's Plan 1186/KH-SKHĐT (2022) and its 2021 organisation
decision name. The agency identifiers are illustrative: the real ones come from the province's
published list under Decision 20/2020/QĐ-TTg. Staff are fictional.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from motcua.org.constants import AgencyLevel, Role
from motcua.org.models import Agency, Staff, Unit
from motcua.org.roles import ensure_role_groups

PROVINCE = {
    "code": "000.00.00.H34",
    "name": "Ủy ban nhân dân tỉnh Khánh Hòa",
    "short_name": "UBND tỉnh Khánh Hòa",
    "level": AgencyLevel.PROVINCE,
}
DEPARTMENT = {
    "code": "000.00.17.H34",
    "name": "Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa",
    "short_name": "Sở KH&ĐT Khánh Hòa",
    "level": AgencyLevel.DEPARTMENT,
    "address": "Số 1 Trần Phú, phường Lộc Thọ, thành phố Nha Trang, tỉnh Khánh Hòa",
}

# (code, name, is the one-stop counter, staffing quota)
UNITS = [
    ("van-phong", "Văn phòng Sở", False, 12),
    ("mot-cua", "Bộ phận Một cửa", True, 3),
    ("thanh-tra", "Thanh tra Sở", False, 4),
    ("tong-hop-quy-hoach", "Phòng Tổng hợp - Quy hoạch", False, 7),
    ("kinh-te-nganh", "Phòng Kinh tế ngành", False, 6),
    ("khoa-giao-van-xa", "Phòng Khoa giáo - Văn xã", False, 5),
    ("dau-thau", "Phòng Đấu thầu, Thẩm định và Giám sát đầu tư", False, 6),
    ("kinh-te-doi-ngoai", "Phòng Kinh tế đối ngoại", False, 6),
    ("dang-ky-kinh-doanh", "Phòng Đăng ký kinh doanh", False, 8),
    ("xuc-tien-dau-tu", "Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp", False, 10),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    full_name: str
    unit: str
    position: str
    roles: tuple[str, ...]


LOGINS = [
    DemoLogin("quantri", "Trần Minh Quân", "van-phong", "Quản trị hệ thống", (Role.ADMINISTRATOR,)),
    DemoLogin("giamdoc", "Nguyễn Văn Hải", "van-phong", "Giám đốc Sở", (Role.DIRECTOR,)),
    DemoLogin("vanphong", "Lê Thị Thu Hà", "van-phong", "Chánh Văn phòng", (Role.OFFICE,)),
    DemoLogin("vanthu", "Phạm Thị Lan", "van-phong", "Văn thư", (Role.CLERK,)),
    DemoLogin("motcua", "Võ Thị Mai", "mot-cua", "Cán bộ tiếp nhận", (Role.COUNTER_OFFICER,)),
    DemoLogin("motcua2", "Đặng Quốc Bảo", "mot-cua", "Cán bộ tiếp nhận", (Role.COUNTER_OFFICER,)),
    DemoLogin(
        "lanhdao.dkkd", "Huỳnh Văn Tâm", "dang-ky-kinh-doanh", "Trưởng phòng", (Role.UNIT_HEAD,)
    ),
    DemoLogin(
        "chuyenvien.dkkd", "Ngô Thị Hồng", "dang-ky-kinh-doanh", "Chuyên viên", (Role.SPECIALIST,)
    ),
    DemoLogin(
        "chuyenvien2.dkkd", "Bùi Văn Long", "dang-ky-kinh-doanh", "Chuyên viên", (Role.SPECIALIST,)
    ),
    DemoLogin(
        "lanhdao.xtdt", "Phan Thị Ngọc", "xuc-tien-dau-tu", "Giám đốc Trung tâm", (Role.UNIT_HEAD,)
    ),
    DemoLogin(
        "chuyenvien.xtdt", "Đỗ Minh Khoa", "xuc-tien-dau-tu", "Viên chức", (Role.SPECIALIST,)
    ),
    DemoLogin(
        "lanhdao.ktdn", "Trương Văn Phúc", "kinh-te-doi-ngoai", "Trưởng phòng", (Role.UNIT_HEAD,)
    ),
    DemoLogin(
        "chuyenvien.ktdn", "Lý Thị Thanh", "kinh-te-doi-ngoai", "Chuyên viên", (Role.SPECIALIST,)
    ),
]


@transaction.atomic
def load_demo_organization() -> Agency:
    """Create or update the province, the Department, its units and demo staff; idempotent."""
    ensure_role_groups()
    province, _ = Agency.objects.update_or_create(
        code=PROVINCE["code"], defaults={k: v for k, v in PROVINCE.items() if k != "code"}
    )
    department, _ = Agency.objects.update_or_create(
        code=DEPARTMENT["code"],
        defaults={**{k: v for k, v in DEPARTMENT.items() if k != "code"}, "parent": province},
    )
    units = {}
    for code, name, is_counter, quota in UNITS:
        units[code], _ = Unit.objects.update_or_create(
            agency=department,
            code=code,
            defaults={"name": name, "is_counter": is_counter, "staff_quota": quota},
        )
    for login in LOGINS:
        _load_login(department, units[login.unit], login)
    return department


def _load_login(agency: Agency, unit: Unit, login: DemoLogin) -> None:
    last_name, _, first_name = login.full_name.rpartition(" ")
    user, created = get_user_model().objects.get_or_create(
        username=login.username,
        defaults={"first_name": first_name, "last_name": last_name},
    )
    if created:
        user.set_password(settings.MOTCUA_DEMO_PASSWORD)
    user.first_name, user.last_name = first_name, last_name
    user.is_staff = Role.ADMINISTRATOR in login.roles
    user.save()
    user.groups.set(Group.objects.filter(name__in=login.roles))
    Staff.objects.update_or_create(
        user=user, defaults={"agency": agency, "unit": unit, "position": login.position}
    )
