"""A small department with a published 3-working-day procedure and staff for every role."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from motcua.catalog import services as catalog
from motcua.catalog.constants import Requirement, TimeUnit
from motcua.catalog.models import Procedure
from motcua.catalog.selectors import version_in_force
from motcua.dossiers import services
from motcua.dossiers.services import ApplicantData, Intake, ReceivedDocument
from motcua.org.constants import Role
from motcua.org.models import Agency, Staff, Unit
from motcua.org.tests.factories import make_staff

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(*args) -> datetime:
    """A moment in Vietnam: vn(2024, 3, 4, 9, 30)."""
    return datetime(*args, tzinfo=VN)


@dataclass
class World:
    agency: Agency
    counter: Unit
    business: Unit
    procedure: Procedure
    officer: Staff
    officer2: Staff
    head: Staff
    specialist: Staff
    specialist2: Staff
    director: Staff
    clerk: Staff
    office: Staff

    def documents(self, *, all_mandatory=True, at=None) -> list[ReceivedDocument]:
        """The checklist of the version in force at `at`, everything ticked."""
        version = version_in_force(self.procedure, on=at or vn(2024, 3, 4, 9, 30))
        return [
            ReceivedDocument(d.name, originals=1, copies=0, required_id=d.pk)
            for d in version.documents.all()
            if all_mandatory or d.requirement != Requirement.MANDATORY
        ]

    def intake(self, **changes) -> Intake:
        applicant = changes.pop("applicant", None) or ApplicantData(
            name="Nguyễn Thị Hoa",
            id_number="056190001234",
            phone="0912345678",
            email="hoa@example.vn",
            address="12 Lê Thánh Tôn, Nha Trang",
        )
        documents = changes.pop("documents", None) or self.documents()
        return Intake(applicant=applicant, documents=documents, **changes)

    def receive(self, at=None, **changes):
        return services.receive(
            self.officer, self.procedure, self.intake(**changes), at=at or vn(2024, 3, 4, 9, 30)
        )


def build_world(*, supplement_clock="restart") -> World:
    agency = Agency.objects.create(
        code="000.00.17.H34", name="Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa", level="department"
    )
    counter = Unit.objects.create(
        agency=agency, code="mot-cua", name="Bộ phận Một cửa", is_counter=True
    )
    business = Unit.objects.create(
        agency=agency, code="dang-ky-kinh-doanh", name="Phòng Đăng ký kinh doanh"
    )
    office_unit = Unit.objects.create(agency=agency, code="van-phong", name="Văn phòng Sở")
    version = catalog.create_procedure(
        agency,
        name="Đăng ký thành lập doanh nghiệp tư nhân",
        national_code="2.001610",
        time_limit_value=Decimal(3),
        time_limit_unit=TimeUnit.WORKING_DAYS,
        supplement_clock=supplement_clock,
    )
    catalog.add_document(version, name="Giấy đề nghị đăng ký doanh nghiệp", originals=1)
    catalog.add_document(version, name="Bản sao giấy tờ pháp lý của chủ doanh nghiệp", copies=1)
    catalog.add_document(
        version,
        name="Văn bản ủy quyền",
        originals=1,
        requirement=Requirement.CONDITIONAL,
        condition="Khi ủy quyền",
    )
    catalog.add_step(version, name="Tiếp nhận hồ sơ", hours=4, unit=counter)
    catalog.add_step(version, name="Thẩm định hồ sơ", hours=8, unit=business)
    catalog.add_step(version, name="Phê duyệt", hours=4, unit=business, role=Role.UNIT_HEAD)
    catalog.add_step(version, name="Ký kết quả", hours=4, role=Role.DIRECTOR)
    catalog.add_step(version, name="Trả kết quả", hours=4, unit=counter)
    catalog.publish(version, date(2022, 1, 1))
    return World(
        agency=agency,
        counter=counter,
        business=business,
        procedure=version.procedure,
        officer=make_staff("motcua", agency, counter, Role.COUNTER_OFFICER, full_name="Võ Thị Mai"),
        officer2=make_staff(
            "motcua2", agency, counter, Role.COUNTER_OFFICER, full_name="Đặng Quốc Bảo"
        ),
        head=make_staff("lanhdao", agency, business, Role.UNIT_HEAD, full_name="Huỳnh Văn Tâm"),
        specialist=make_staff(
            "chuyenvien", agency, business, Role.SPECIALIST, full_name="Ngô Thị Hồng"
        ),
        specialist2=make_staff(
            "chuyenvien2", agency, business, Role.SPECIALIST, full_name="Bùi Văn Long"
        ),
        director=make_staff(
            "giamdoc", agency, office_unit, Role.DIRECTOR, full_name="Nguyễn Văn Hải"
        ),
        clerk=make_staff("vanthu", agency, office_unit, Role.CLERK, full_name="Phạm Thị Lan"),
        office=make_staff("vanphong", agency, office_unit, Role.OFFICE, full_name="Lê Thị Thu Hà"),
    )


@pytest.fixture
def world(db) -> World:
    return build_world()
