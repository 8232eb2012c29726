"""The March 2024 statistics of the fixed month, by field and procedure, read back from the
file. P1 (no field): received A–H, J, L, M; early A G, on time B E F, late C D, pending J L M,
H withdrawn. P2 ("Đầu tư"): N carried over from February and finished early on 01/03; I
received and refused early; K pending."""

from datetime import date
import io

from openpyxl import load_workbook

from motcua.dossiers.tests.conftest import vn
from motcua.indices.scope import Period
from motcua.reports.statistics import HEADERS, Counts, statistics, write_statistics

from .conftest import MARCH

P1 = ("Đăng ký thành lập doanh nghiệp tư nhân", "2.001610", 0, 11, 2, 3, 2, 3)
P2 = ("Cấp giấy chứng nhận đăng ký đầu tư", "1.009645", 1, 2, 2, 0, 0, 1)


def test_statistics_by_field_and_procedure(month):
    out = io.BytesIO()
    write_statistics(month.world.agency, MARCH, out)
    out.seek(0)
    rows = list(load_workbook(out).active.iter_rows(min_row=3, values_only=True))
    assert list(rows[0]) == HEADERS
    assert (
        rows[1:]
        == [
            ("Tổng cộng", None, 1, 13, 4, 3, 2, 4),  # as the agency's indices
            ("Đầu tư", None, *P2[2:]),
            P2,
            ("Chưa phân lĩnh vực", None, *P1[2:]),
            P1,
        ]
    )


def test_what_is_pending_at_one_period_end_is_carried_into_the_next(month):
    march, april = (
        statistics(month.world.agency, period, now=vn(2024, 6, 1, 9, 0))
        for period in (MARCH, Period(date(2024, 4, 1), date(2024, 4, 30)))
    )
    pending = sum((g.total for g in march), Counts()).pending
    carried = sum((g.total for g in april), Counts()).carried
    assert pending == carried == 4
