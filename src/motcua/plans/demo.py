"""The demo plan (No. 1186/KH-SKHĐT, 19/04/2022, with its whole appendix) and a few assignments
from the Province, for the demo Department. Loading twice changes nothing."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from motcua.org.constants import Role
from motcua.org.models import Agency, Staff, Unit

from . import services
from .constants import Direction, EquipmentCondition, Recurrence, RequestKind
from .demo_data import ROWS
from .models import (
    Assignment,
    Document,
    Equipment,
    FacilityRequest,
    Initiative,
    Plan,
    ReportObligation,
)

NUMBER = "1186/KH-SKHĐT"
TITLE = (
    "Thực hiện các biện pháp cải thiện chất lượng phục vụ nâng cao Chỉ số hài lòng, "
    "Chỉ số cải cách hành chính năm 2022"
)
LEGAL_GROUNDS = (
    "Căn cứ Quyết định số 4831/QĐ-UBND ngày 24/12/2021 V/v ban hành chương trình cải cách hành "
    "chính tỉnh Khánh Hòa giai đoạn 2021-2030; Quyết định số 107/QĐ-UBND ngày 10/01/2022 phê "
    "duyệt và công bố Chỉ số và xếp hạng kết quả cải cách hành chính năm 2021,"
)

# (position of the task in the appendix, 0-based; report; day; completes)
PROGRESS = [
    (
        0,
        "Đã rà soát, cập nhật 45 quy trình giải quyết TTHC lên Trung tâm Dịch vụ hành chính công "
        "trực tuyến tỉnh.",
        date(2022, 3, 25),
        False,
    ),
    (
        0,
        "Hoàn thành cập nhật toàn bộ quy trình sau khi Bộ công bố thủ tục mới.",
        date(2022, 6, 28),
        True,
    ),
    (
        10,
        "Quy chế làm việc đã ban hành theo Quyết định số 54/QĐ-SKHĐT ngày 07/12/2021.",
        date(2022, 3, 10),
        True,
    ),
    (16, "Văn phòng Sở đã tổng hợp báo cáo 6 tháng gửi Sở Nội vụ.", date(2022, 6, 20), False),
    (
        19,
        "Chi đoàn Sở đăng ký mô hình \u201cNgày thứ bảy tình nguyện\u201d.",
        date(2022, 12, 20),
        True,
    ),
]


def _units(agency: Agency) -> dict[str, Unit]:
    return {unit.code: unit for unit in Unit.objects.filter(agency=agency)}


def _reporter(agency: Agency) -> Staff | None:
    return (
        Staff.objects.filter(agency=agency, user__groups__name=Role.OFFICE)
        .select_related("user")
        .first()
    )


@transaction.atomic
def load_demo_plan(agency: Agency) -> int:
    """Create the demo plan and assignments once; returns the number of tasks of the plan."""
    plan = Plan.objects.filter(agency=agency, number=NUMBER).first()
    if plan is None:
        plan = _load_plan(agency)
    _load_assignments(agency)
    return plan.tasks.count()


def _load_plan(agency: Agency) -> Plan:
    plan = services.create_plan(
        agency,
        number=NUMBER,
        issued_on=date(2022, 4, 19),
        title=TITLE,
        year=2022,
        legal_grounds=LEGAL_GROUNDS,
    )
    units, section, tasks = _units(agency), None, []
    for row in ROWS:
        if row[0] == "H":
            _, number, title, level = row
            section = services.add_section(plan, number=number, title=title, level=level)
            continue
        number, content, result, schedule, method, lead, co = row
        tasks.append(
            services.add_task(
                plan,
                number=number,
                content=content,
                expected_result=result,
                schedule_text=schedule,
                method=method,
                lead_unit=units.get(lead),
                section=section,
                co_units=[units[code] for code in co if code in units],
            )
        )
    reporter = _reporter(agency)
    if reporter is not None:
        for index, report, day, completes in PROGRESS:
            services.report_progress(
                tasks[index], reporter, report=report, reported_on=day, completes=completes
            )
    return plan


def _load_assignments(agency: Agency) -> None:
    reporter, units = _reporter(agency), _units(agency)
    if reporter is None or not {"dang-ky-kinh-doanh", "xuc-tien-dau-tu", "van-phong"} <= set(units):
        return
    today = timezone.localdate()

    def assign(number, days_ago, content, unit, days_left):
        existing = Assignment.objects.filter(agency=agency, source_number=number).first()
        if existing:
            return None
        head = Staff.objects.filter(unit=units[unit], user__groups__name=Role.UNIT_HEAD).first()
        return services.create_assignment(
            agency,
            source_number=number,
            source_date=today - timedelta(days=days_ago),
            content=content,
            unit=units[unit],
            assignee=head,
            deadline=today + timedelta(days=days_left),
        )

    assign(
        "4512/UBND-KT",
        5,
        "Rà soát, báo cáo tình hình cấp đăng ký doanh nghiệp quý này.",
        "dang-ky-kinh-doanh",
        7,
    )
    assign(
        "4630/UBND-XDNĐ", 3, "Tham mưu chương trình xúc tiến đầu tư năm tới.", "xuc-tien-dau-tu", 3
    )
    extended = assign(
        "4388/UBND-KT",
        20,
        "Báo cáo kết quả thực hiện Chỉ số PCI và các giải pháp cải thiện.",
        "van-phong",
        1,
    )
    if extended:
        services.extend_assignment(
            extended,
            reporter,
            new_deadline=today + timedelta(days=14),
            reason="Chờ số liệu của các sở, ngành để tổng hợp.",
        )
    late = assign(
        "3975/UBND-VX", 45, "Báo cáo công tác cải cách hành chính 6 tháng.", "van-phong", -20
    )
    if late:
        services.mark_assignment_done(
            late,
            reporter,
            result_document="Báo cáo số 2101/BC-SKHĐT",
            done_on=today - timedelta(days=15),
        )
        services.close_assignment(late, reporter)


# The reports the office owes each year and each month (code, name, recipient, recurrence,
# day, month): CCHC reports to the Department of Home Affairs, the plan's year-end report to the
# Province through it (Plan 1186, part III), and the monthly briefing to the Director.
REPORTS = [
    (
        "cchc-6-thang",
        "Báo cáo công tác cải cách hành chính 6 tháng",
        "Sở Nội vụ",
        Recurrence.YEARLY,
        25,
        5,
    ),
    (
        "cchc-nam",
        "Báo cáo công tác cải cách hành chính năm",
        "Sở Nội vụ",
        Recurrence.YEARLY,
        20,
        11,
    ),
    (
        "chi-so-hai-long-cchc",
        "Báo cáo kết quả thực hiện các biện pháp cải thiện chất lượng "
        "phục vụ nâng cao Chỉ số hài lòng, Chỉ số cải cách hành chính",
        "UBND tỉnh (thông qua Sở Nội vụ)",
        Recurrence.YEARLY,
        15,
        12,
    ),
    (
        "giao-ban-thang",
        "Báo cáo giao ban công tác cải cách hành chính hằng tháng",
        "Giám đốc Sở",
        Recurrence.MONTHLY,
        25,
        None,
    ),
]


def load_demo_report_calendar(agency: Agency) -> int:
    """Create the four recurring reports once, followed from 1 January of this year; returns
    how many the agency owes."""
    since = timezone.localdate().replace(month=1, day=1)
    for code, name, recipient, recurrence, day, month in REPORTS:
        ReportObligation.objects.get_or_create(
            agency=agency,
            code=code,
            defaults={
                "name": name,
                "recipient": recipient,
                "recurrence": recurrence,
                "day": day,
                "month": month,
                "active_from": since,
            },
        )
    return ReportObligation.objects.filter(agency=agency).count()


# The registers' demo rows are illustrative, not the Department's records: each says so.
DEMO_NOTE = "(dữ liệu minh họa)"

# (title, authors, unit code, description, decision number, decision date)
INITIATIVES = [
    (
        "Tra cứu tình trạng hồ sơ đăng ký doanh nghiệp qua mã QR trên giấy tiếp nhận",
        "Huỳnh Văn Tâm, Ngô Thị Hồng",
        "dang-ky-kinh-doanh",
        "Người nộp quét mã để xem hồ sơ đang ở bước nào, bớt gọi điện hỏi Bộ phận Một cửa.",
        "15/QĐ-SKHĐT",
        date(2022, 11, 28),
    ),
    (
        "Bộ mẫu hồ sơ điền sẵn cho thủ tục đầu tư",
        "Phan Thị Ngọc",
        "xuc-tien-dau-tu",
        "Mẫu có hướng dẫn từng ô, giảm số hồ sơ phải bổ sung.",
        "",
        None,
    ),
]

# (name, quantity, condition, location)
EQUIPMENT = [
    ("Máy tính để bàn tiếp nhận hồ sơ", 3, EquipmentCondition.GOOD, "Quầy 1-3"),
    ("Máy quét tài liệu hai mặt", 2, EquipmentCondition.WORN, "Quầy 1-2"),
    ("Máy lấy số thứ tự", 1, EquipmentCondition.BROKEN, "Sảnh chờ"),
    ("Màn hình đánh giá mức độ hài lòng", 3, EquipmentCondition.GOOD, "Quầy 1-3"),
]

# (direction, number, date, summary, signer, correspondent, electronic)
DOCUMENTS = [
    (
        Direction.INCOMING,
        "4831/QĐ-UBND",
        date(2021, 12, 24),
        "Ban hành chương trình cải cách hành chính tỉnh giai đoạn 2021-2030",
        "Chủ tịch UBND tỉnh",
        "UBND tỉnh Khánh Hòa",
        True,
    ),
    (
        Direction.OUTGOING,
        "1186/KH-SKHĐT",
        date(2022, 4, 19),
        "Kế hoạch cải thiện Chỉ số hài lòng, Chỉ số cải cách hành chính năm 2022",
        "Nguyễn Văn Hải",
        "Các phòng, Trung tâm thuộc Sở",
        True,
    ),
    (
        Direction.OUTGOING,
        "2101/BC-SKHĐT",
        date(2022, 6, 20),
        "Báo cáo công tác cải cách hành chính 6 tháng đầu năm 2022",
        "Nguyễn Văn Hải",
        "Sở Nội vụ",
        True,
    ),
    (
        Direction.OUTGOING,
        "2250/SKHĐT-VP",
        date(2022, 7, 5),
        "Đề nghị sửa chữa trụ sở Bộ phận Một cửa",
        "Nguyễn Văn Hải",
        "Sở Tài chính",
        False,
    ),
]


@transaction.atomic
def load_demo_registers(agency: Agency) -> None:
    """Seed a few rows of each register once: initiatives, the counter's equipment with a
    repair request, and documents (three of four outgoing ones electronic)."""
    units = _units(agency)
    for title, authors, unit, description, number, day in INITIATIVES:
        Initiative.objects.get_or_create(
            agency=agency,
            title=title,
            defaults={
                "year": 2022,
                "authors": authors,
                "unit": units.get(unit),
                "description": f"{description} {DEMO_NOTE}",
                "decision_number": number,
                "decision_date": day,
            },
        )
    equipment = {
        name: Equipment.objects.get_or_create(
            agency=agency,
            name=name,
            defaults={"quantity": quantity, "condition": condition, "location": location},
        )[0]
        for name, quantity, condition, location in EQUIPMENT
    }
    reporter = _reporter(agency)
    broken = equipment["Máy lấy số thứ tự"]
    if reporter is not None and not FacilityRequest.objects.filter(equipment=broken).exists():
        FacilityRequest.objects.create(
            agency=agency,
            kind=RequestKind.REPAIR,
            equipment=broken,
            item="Thay bo mạch máy lấy số thứ tự",
            reason=f"Máy không in được phiếu từ đầu tháng. {DEMO_NOTE}",
            estimated_cost=4_500_000,
            requested_by=reporter,
            requested_on=timezone.localdate(),
        )
    for direction, number, day, summary, signer, correspondent, electronic in DOCUMENTS:
        Document.objects.get_or_create(
            agency=agency,
            direction=direction,
            number=number,
            issued_on=day,
            defaults={
                "summary": f"{summary} {DEMO_NOTE}",
                "signer": signer,
                "correspondent": correspondent,
                "is_electronic": electronic,
            },
        )
