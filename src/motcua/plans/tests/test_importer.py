"""Importing a task table with broken rows: the good rows come in, the bad ones are listed."""

from datetime import date
import io

from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import Workbook
import pytest

from motcua.plans import services
from motcua.plans.constants import ScheduleKind
from motcua.plans.errors import PlanError
from motcua.plans.importer import import_tasks
from motcua.plans.models import Plan, PlanSection, PlanTask

HEADER = [
    "Stt",
    "Nội dung/Nhiệm vụ",
    "Kết quả/ Sản phẩm",
    "Thời gian",
    "Cách thức thực hiện",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
]
ROWS = [
    ["I", "NÂNG CAO CHỈ SỐ HÀI LÒNG", "", "", "", "", ""],
    ["1.", "Đối với người dân, doanh nghiệp", "", "", "", "", ""],
    [
        "1.1",
        "Rà soát quy trình giải quyết TTHC",
        "Cải thiện Chỉ số Thủ tục hành chính",
        "Từ Quý I",
        "Văn phòng chủ trì",
        "Văn phòng Sở",
        "Bộ phận Một cửa, Phòng Đăng ký kinh doanh",
    ],
    [
        "1.1",
        "Hướng dẫn doanh nghiệp nộp hồ sơ trực tuyến",
        "",
        "Trước 31/02",
        "",
        "phong dang ky kinh doanh",
        "",
    ],
    ["1.2", "", "Kết quả không có nhiệm vụ", "Quý II", "", "Văn phòng Sở", ""],
    ["", "", "", "", "", "", ""],
    ["1.3", "Cải thiện không gian Bộ phận Một cửa", "", "Quý III", "", "Phòng Hành chính", ""],
    ["110", "Tự đánh giá, chấm điểm Chỉ số CCHC", "", "Sau khi Bộ công bố", "", "", ""],
    HEADER,  # repeated at the top of a new page
    ["1.4", "Báo cáo giao ban hằng tháng", "", "Hằng tháng", "", "Văn phòng Sở", "Sở Tài chính"],
]


def _xlsx(rows) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(["PHỤ LỤC"])  # a title above the table: the header is found below it
    for row in rows:
        sheet.append(row)
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    return stream


def _docx(rows) -> io.BytesIO:
    document = Document()
    document.add_paragraph("NỘI DUNG, NHIỆM VỤ VÀ TRÁCH NHIỆM THỰC HIỆN")
    document.add_table(rows=1, cols=2).cell(0, 0).text = "Nơi nhận"  # not the task table
    table = document.add_table(rows=0, cols=len(rows[0]))
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values):
            cell.text = text
        if values[0] and not any(values[2:]):  # a heading spans the row, as in the appendix
            cells[1].merge(cells[-1])
    stream = io.BytesIO()
    document.save(stream)
    stream.seek(0)
    return stream


@pytest.fixture
def plan(dept):
    return services.create_plan(
        dept.agency,
        number="15/KH-SKHĐT",
        issued_on=date(2024, 2, 1),
        title="Kế hoạch cải cách hành chính năm 2024",
        year=2024,
    )


@pytest.mark.parametrize(
    "make, name, first_row", [(_xlsx, "phu-luc.xlsx", 2), (_docx, "phu-luc.docx", 1)]
)
def test_the_good_rows_are_imported_and_the_bad_ones_listed(plan, make, name, first_row):
    result = import_tasks(plan, make([HEADER, *ROWS]), name)
    assert (result.sections, result.tasks) == (2, 3)
    row = {index: first_row + 1 + index for index in range(len(ROWS))}  # data after the header
    assert result.errors == [
        (row[4], "Thiếu nội dung nhiệm vụ."),
        (row[6], "Đơn vị chủ trì «Phòng Hành chính» không có trong cơ quan."),
        (row[9], "Đơn vị phối hợp «Sở Tài chính» không có trong cơ quan."),
    ]
    tasks = list(PlanTask.objects.filter(plan=plan).select_related("lead_unit", "section"))
    assert [t.number for t in tasks] == ["1.1", "1.1", "110"]
    first, second, odd = tasks
    assert first.lead_unit.code == "van-phong" and first.schedule_kind == ScheduleKind.QUARTER
    assert sorted(first.co_units.values_list("code", flat=True)) == [
        "dang-ky-kinh-doanh",
        "mot-cua",
    ]
    assert first.section.number == "1" and first.section.level == 2
    # A date that does not exist is no error: the schedule stays text, followed by hand.
    assert (second.schedule_text, second.schedule_kind) == ("Trước 31/02", ScheduleKind.FREE_TEXT)
    assert second.lead_unit.code == "dang-ky-kinh-doanh"  # found without diacritics
    assert odd.lead_unit is None and odd.due_dates == []
    assert list(PlanSection.objects.values_list("number", "level")) == [("I", 1), ("1", 2)]


def test_a_table_without_a_unit_column_needs_no_units(plan):
    rows = [row[:5] for row in [HEADER, *ROWS] if row is not HEADER]
    result = import_tasks(plan, _xlsx([HEADER[:5], *rows]), "a.xlsx")
    assert result.tasks == 5 and [reason for _, reason in result.errors] == [
        "Thiếu nội dung nhiệm vụ."
    ]


def test_tolerant_header_wording(plan):
    header = ["TT", "NỘI DUNG NHIỆM VỤ", "Sản phẩm", "Tiến độ thực hiện", "Cách thức"]
    result = import_tasks(
        plan, _docx([header, ["1", "Rà soát TTHC", "Báo cáo", "Quý II", "Họp"]]), "b.docx"
    )
    task = plan.tasks.get()
    assert result.tasks == 1 and (task.number, task.expected_result, task.method) == (
        "1",
        "Báo cáo",
        "Họp",
    )
    assert task.due_dates == ["2024-06-30"]


@pytest.mark.parametrize(
    "content, name, message",
    [
        (b"not a workbook", "x.xlsx", "Không đọc được tệp"),
        (b"%PDF-1.7", "x.pdf", "Chỉ nhập được"),
    ],
)
def test_an_unreadable_file_is_refused(plan, content, name, message):
    with pytest.raises(PlanError, match=message):
        import_tasks(plan, io.BytesIO(content), name)


def test_a_table_without_a_content_column_is_refused(plan):
    with pytest.raises(PlanError, match="Nội dung/Nhiệm vụ"):
        import_tasks(plan, _xlsx([["Số", "Tên"], ["1", "x"]]), "c.xlsx")
    assert not plan.tasks.exists()


def test_the_command_creates_the_plan_and_lists_the_bad_rows(dept, tmp_path):
    path = tmp_path / "phu-luc.xlsx"
    path.write_bytes(_xlsx([HEADER, *ROWS]).getvalue())
    with pytest.raises(CommandError, match="--title"):
        call_command("import_plan_tasks", dept.agency.code, "20/KH", str(path))
    out = io.StringIO()
    call_command(
        "import_plan_tasks",
        dept.agency.code,
        "20/KH",
        str(path),
        "--title",
        "Kế hoạch",
        "--issued-on",
        "2024-03-01",
        "--year",
        "2024",
        stdout=out,
    )
    assert "2 đề mục, 3 nhiệm vụ; 3 dòng không nhập được" in out.getvalue()
    assert "Dòng 7: Thiếu nội dung nhiệm vụ." in out.getvalue()
    assert Plan.objects.get(number="20/KH").tasks.count() == 3
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"broken")
    with pytest.raises(CommandError, match="Không đọc được"):
        call_command(
            "import_plan_tasks",
            dept.agency.code,
            "21/KH",
            str(bad),
            "--title",
            "K",
            "--issued-on",
            "2024-03-01",
            "--year",
            "2024",
        )
    assert not Plan.objects.filter(number="21/KH").exists()
