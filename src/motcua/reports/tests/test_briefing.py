"""The March 2024 briefing of the fixed month (indices/tests/conftest.py), read back from the
files. Hand counts: steps reached — every dossier at the counter by Võ Thị Mai; appraisal in
the business unit for A–G, I, J, L, N, by Ngô Thị Hồng except C and D (Bùi Văn Long) and I
(refused before assignment); no dossier reaches the office unit.

Ratings in March: A very satisfied (Ngô Thị Hồng's), C dissatisfied (Bùi Văn Long's). Complaints:
one naming Bùi Văn Long on 05/03, never answered (due 15 working days later: overdue at the end
of March); one naming Võ Thị Mai on 11/03, answered 12/03; one naming nobody, given to the
business unit on 20/03 (due in April)."""

from datetime import date
import io

from docx import Document
from openpyxl import load_workbook
import pytest

from motcua.desk import services as desk
from motcua.desk.constants import ComplaintOutcome, DeskChannel
from motcua.desk.services import Person
from motcua.dossiers import services
from motcua.dossiers.tests.conftest import vn
from motcua.feedback.constants import Overall, RatingChannel
from motcua.feedback.services import Answers, rate
from motcua.plans import services as plans
from motcua.plans.models import PlanTask
from motcua.reports.briefing import COLUMNS, build_briefing
from motcua.reports.briefing_files import write_briefing_docx, write_briefing_xlsx

from .conftest import MARCH

LATER = vn(2024, 6, 1, 9, 0)
# received, early, on time, late, open, overdue, supplements, refusals, consultations late,
# then ratings, satisfaction %, complaints received, complaints overdue
AGENCY = [13, 4, 3, 2, 4, 1, 2, 1, 1]  # early A G I N; on time B E F; late C D; open J K L M
UNITS = {
    "Toàn cơ quan": AGENCY + [2, "50.00", 3, 1],
    "Bộ phận Một cửa": AGENCY + [2, "50.00", 1, 0],
    "Phòng Đăng ký kinh doanh": [10, 4, 3, 2, 2, 1, 1, 1, 1, 2, "50.00", 2, 1],  # not H K M
    "Văn phòng Sở": [0] * 9 + [0, None, 0, 0],
}
OFFICERS = {
    "Võ Thị Mai (Bộ phận Một cửa)": AGENCY + [2, "50.00", 1, 0],
    "Bùi Văn Long (Phòng Đăng ký kinh doanh)": [2, 0, 0, 2, 0, 0, 0, 0, 0, 1, "0.00", 1, 1],
    "Ngô Thị Hồng (Phòng Đăng ký kinh doanh)": [7, 3, 3, 0, 2, 1, 1, 0, 1, 1, "100.00", 0, 0],
}


def _docx_figure(value):
    return None if value == "—" else value.replace(",", ".") if "," in value else int(value)


def _xlsx_figures(cells) -> list:
    """The row's figures, the satisfaction rate (a number shown 0.00) as its two decimals."""
    rate = cells[10]
    assert rate.value is None or rate.number_format == "0.00"
    return (
        [c.value for c in cells[:10]]
        + [None if rate.value is None else f"{rate.value:.2f}"]
        + [c.value for c in cells[11:]]
    )


@pytest.fixture
def briefing(month):
    w = month.world
    # J's consultation, due in two working days, answered on 20/03: late.
    consultation = services.consult(
        month.dossiers["J"],
        w.specialist,
        "Sở Tài chính",
        "Xin ý kiến về vốn",
        2,
        at=vn(2024, 3, 5, 9, 0),
    )
    services.answer_consultation(consultation, w.specialist, "Đồng ý", at=vn(2024, 3, 20, 9, 0))
    plan = plans.create_plan(
        w.agency,
        number="12/KH-SKHĐT",
        issued_on=date(2024, 1, 10),
        title="Cải cách hành chính năm 2024",
        year=2024,
    )
    plans.add_task(plan, number="1", content="Rà soát thủ tục", schedule_text="")
    plans.add_task(plan, number="2", content="Số hóa hồ sơ", schedule_text="Trước ngày 15/3/2024")
    done = plans.add_task(
        plan, number="3", content="Niêm yết thủ tục", schedule_text="Trước ngày 20/3/2024"
    )
    PlanTask.objects.filter(pk=done.pk).update(completed_on=date(2024, 3, 10))
    plans.create_assignment(
        w.agency,
        source_number="345/UBND",
        source_date=date(2024, 3, 5),
        content="Báo cáo tình hình",
        unit=w.business,
        deadline=date(2024, 3, 20),
    )
    c = services.register_result(month.dossiers["C"], w.clerk, "03/GCN", at=vn(2024, 3, 7, 14, 0))
    services.return_result(c, w.officer, at=vn(2024, 3, 7, 15, 0))
    rate(
        month.dossiers["A"],
        Answers(2, 2, 2, 2, Overall.VERY_SATISFIED),
        RatingChannel.WEB,
        at=vn(2024, 3, 6, 10, 0),
    )
    rate(
        month.dossiers["C"],
        Answers(0, 1, 1, 0, Overall.DISSATISFIED),
        RatingChannel.WEB,
        at=vn(2024, 3, 8, 10, 0),
    )
    person = Person("Trần Văn Phản Ánh", email="phananh@example.vn")
    desk.receive_complaint(
        w.agency,
        channel=DeskChannel.PORTAL,
        complainant=person,
        subject="Chậm trả kết quả",
        body="Hồ sơ trễ hẹn",
        officer=w.specialist2,
        at=vn(2024, 3, 5, 9, 0),
    )
    answered = desk.receive_complaint(
        w.agency,
        channel=DeskChannel.PORTAL,
        complainant=person,
        subject="Hướng dẫn chưa rõ",
        body="Phải đi lại nhiều",
        officer=w.officer,
        at=vn(2024, 3, 11, 9, 0),
    )
    desk.answer_complaint(
        answered, w.office, "Đã nhắc nhở", ComplaintOutcome.FOUNDED, at=vn(2024, 3, 12, 9, 0)
    )
    unnamed = desk.receive_complaint(
        w.agency,
        channel=DeskChannel.PORTAL,
        complainant=person,
        subject="Góp ý",
        body="Nên có thêm ghế chờ",
        at=vn(2024, 3, 20, 9, 0),
    )
    desk.assign_complaint(unnamed, w.office, w.business, at=vn(2024, 3, 20, 10, 0))
    return build_briefing(w.agency, MARCH, now=LATER)


def test_xlsx_has_a_sheet_per_table_with_the_counts(briefing):
    out = io.BytesIO()
    write_briefing_xlsx(briefing, out)
    out.seek(0)
    book = load_workbook(out)
    assert book.sheetnames == ["Theo don vi", "Theo can bo", "Ke hoach CCHC"]

    def table(sheet):
        rows = list(book[sheet].iter_rows(min_row=2))
        assert [c.value for c in rows[0][1:]] == COLUMNS
        return {row[0].value: _xlsx_figures(row[1:]) for row in rows[1:]}

    assert table("Theo don vi") == UNITS
    assert table("Theo can bo") == OFFICERS
    plan_rows = list(book["Ke hoach CCHC"].iter_rows(min_row=3, values_only=True))
    # not started, in progress, done, done late, overdue, total
    assert plan_rows[0] == ("12/KH-SKHĐT: Cải cách hành chính năm 2024", 1, 0, 1, 0, 1, 3)
    assert {row[0]: row[1] for row in plan_rows[3:]} == {
        "Nhận trong tháng": 1,
        "Đang thực hiện, trong hạn": 0,
        "Quá hạn chưa hoàn thành": 1,
        "Đã gia hạn": 0,
        "Hoàn thành đúng hạn": 0,
        "Hoàn thành trễ hạn": 0,
    }


def test_docx_has_the_same_tables(briefing):
    out = io.BytesIO()
    write_briefing_docx(briefing, out)
    out.seek(0)
    document = Document(out)
    units, officers, plan, assignments = (
        [[cell.text for cell in row.cells] for row in table.rows] for table in document.tables
    )
    assert {row[0]: [_docx_figure(v) for v in row[1:]] for row in units[1:]} == UNITS
    assert {row[0]: [_docx_figure(v) for v in row[1:]] for row in officers[1:]} == OFFICERS
    assert units[2][-3] == "50,00"  # a rate printed with a decimal comma
    assert plan[1] == ["12/KH-SKHĐT: Cải cách hành chính năm 2024", "1", "0", "1", "0", "1", "3"]
    assert assignments[1:3] == [["Nhận trong tháng", "1"], ["Đang thực hiện, trong hạn", "0"]]
    assert "BÁO CÁO GIAO BAN THÁNG 03/2024" in document.paragraphs[1].text


def test_progress_is_reported_while_the_scopes_are_measured(month):
    seen = []
    build_briefing(month.world.agency, MARCH, now=LATER, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 90 and len(seen) == 1 + 3 + 3
