"""The March 2024 briefing of the fixed month (indices/tests/conftest.py), read back from the
files. Hand counts: steps reached — every dossier at the counter by Võ Thị Mai; appraisal in
the business unit for A–G, I, J, L, N, by Ngô Thị Hồng except C and D (Bùi Văn Long) and I
(refused before assignment); no dossier reaches the office unit."""

import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from motcua.dossiers import services
from motcua.dossiers.tests.conftest import vn
from motcua.plans import services as plans
from motcua.plans.models import PlanTask
from motcua.reports.briefing import COLUMNS, build_briefing
from motcua.reports.briefing_files import write_briefing_docx, write_briefing_xlsx

from .conftest import MARCH

LATER = vn(2024, 6, 1, 9, 0)
# received, early, on time, late, open, overdue, supplements, refusals, consultations late
AGENCY = [13, 4, 3, 2, 4, 1, 2, 1, 1]  # early A G I N; on time B E F; late C D; open J K L M
UNITS = {
    "Toàn cơ quan": AGENCY,
    "Bộ phận Một cửa": AGENCY,
    "Phòng Đăng ký kinh doanh": [10, 4, 3, 2, 2, 1, 1, 1, 1],  # not H K M; open J L
    "Văn phòng Sở": [0] * 9,
}
OFFICERS = {
    "Võ Thị Mai (Bộ phận Một cửa)": AGENCY,
    "Bùi Văn Long (Phòng Đăng ký kinh doanh)": [2, 0, 0, 2, 0, 0, 0, 0, 0],  # C D
    "Ngô Thị Hồng (Phòng Đăng ký kinh doanh)": [7, 3, 3, 0, 2, 1, 1, 0, 1],  # A B E F G J L
}


@pytest.fixture
def briefing(month):
    w = month.world
    # J's consultation, due in two working days, answered on 20/03: late.
    consultation = services.consult(month.dossiers["J"], w.specialist, "Sở Tài chính",
                                    "Xin ý kiến về vốn", 2, at=vn(2024, 3, 5, 9, 0))
    services.answer_consultation(consultation, w.specialist, "Đồng ý",
                                 at=vn(2024, 3, 20, 9, 0))
    plan = plans.create_plan(w.agency, number="12/KH-SKHĐT", issued_on=date(2024, 1, 10),
                             title="Cải cách hành chính năm 2024", year=2024)
    plans.add_task(plan, number="1", content="Rà soát thủ tục", schedule_text="")
    plans.add_task(plan, number="2", content="Số hóa hồ sơ",
                   schedule_text="Trước ngày 15/3/2024")
    done = plans.add_task(plan, number="3", content="Niêm yết thủ tục",
                          schedule_text="Trước ngày 20/3/2024")
    PlanTask.objects.filter(pk=done.pk).update(completed_on=date(2024, 3, 10))
    plans.create_assignment(w.agency, source_number="345/UBND", source_date=date(2024, 3, 5),
                            content="Báo cáo tình hình", unit=w.business,
                            deadline=date(2024, 3, 20))
    return build_briefing(w.agency, MARCH, now=LATER)


def test_xlsx_has_a_sheet_per_table_with_the_counts(briefing):
    out = io.BytesIO()
    write_briefing_xlsx(briefing, out)
    out.seek(0)
    book = load_workbook(out)
    assert book.sheetnames == ["Theo don vi", "Theo can bo", "Ke hoach CCHC"]

    def table(sheet):
        rows = list(book[sheet].iter_rows(min_row=2, values_only=True))
        assert list(rows[0][1:]) == COLUMNS
        return {row[0]: list(row[1:]) for row in rows[1:]}

    assert table("Theo don vi") == UNITS
    assert table("Theo can bo") == OFFICERS
    plan_rows = list(book["Ke hoach CCHC"].iter_rows(min_row=3, values_only=True))
    # not started, in progress, done, done late, overdue, total
    assert plan_rows[0] == ("12/KH-SKHĐT: Cải cách hành chính năm 2024", 1, 0, 1, 0, 1, 3)
    assert {row[0]: row[1] for row in plan_rows[3:]} == {
        "Nhận trong tháng": 1, "Đang thực hiện, trong hạn": 0, "Quá hạn chưa hoàn thành": 1,
        "Đã gia hạn": 0, "Hoàn thành đúng hạn": 0, "Hoàn thành trễ hạn": 0}


def test_docx_has_the_same_tables(briefing):
    out = io.BytesIO()
    write_briefing_docx(briefing, out)
    out.seek(0)
    document = Document(out)
    units, officers, plan, assignments = (
        [[cell.text for cell in row.cells] for row in table.rows] for table in document.tables)
    assert {row[0]: [int(v) for v in row[1:]] for row in units[1:]} == UNITS
    assert {row[0]: [int(v) for v in row[1:]] for row in officers[1:]} == OFFICERS
    assert plan[1] == ["12/KH-SKHĐT: Cải cách hành chính năm 2024", "1", "0", "1", "0", "1", "3"]
    assert assignments[1:3] == [["Nhận trong tháng", "1"], ["Đang thực hiện, trong hạn", "0"]]
    assert "BÁO CÁO GIAO BAN THÁNG 03/2024" in document.paragraphs[1].text


def test_progress_is_reported_while_the_scopes_are_measured(month):
    seen = []
    build_briefing(month.world.agency, MARCH, now=LATER, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 90 and len(seen) == 1 + 3 + 3
