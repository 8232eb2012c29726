"""The streamed register XLSX of March 2024: the fixed month plus a few hundred copies."""

from datetime import date, timedelta
import io

from openpyxl import load_workbook

from motcua.dossiers.models import Dossier
from motcua.dossiers.tests.conftest import vn
from motcua.indices.scope import Period
from motcua.reports.register import HEADERS, write_register

from .conftest import MARCH

COPIES = 300


def _copies(template: Dossier) -> list[Dossier]:
    """Open dossiers received from 30/03 on, one a minute: the end of the register."""
    copies = []
    for n in range(COPIES):
        copy = Dossier.objects.get(pk=template.pk)
        copy.pk, copy.code, copy.idempotency_key = None, f"COPY-{n:04d}", None
        copy.received_at = vn(2024, 3, 30, 8, 0) + timedelta(minutes=n)
        copies.append(copy)
    return Dossier.objects.bulk_create(copies)


def _read(agency, period):
    out = io.BytesIO()
    count = write_register(agency, period, out, progress=lambda percent: None)
    out.seek(0)
    sheet = load_workbook(out).active
    return count, list(sheet.iter_rows(min_row=4)), sheet


def test_register_lists_every_dossier_received_in_the_period_in_order(month):
    _copies(month.dossiers["M"])
    count, rows, sheet = _read(month.world.agency, MARCH)
    assert count == len(rows) == 13 + COPIES  # N was received in February
    assert [c.value for c in sheet[3]] == HEADERS
    assert [r[0].value for r in rows] == list(range(2, 13 + COPIES + 2))  # N is number 1 of 2024
    d = month.dossiers
    by_code = {r[1].value: r for r in rows}
    a = by_code[d["A"].code]
    assert a[2].value == "Đăng ký thành lập doanh nghiệp tư nhân"
    assert a[4].value == "Nguyễn Thị Hoa"
    assert a[5].value == "12 Lê Thánh Tôn, Nha Trang; ĐT: 0912345678"
    assert (a[6].value.date(), a[7].value.date(), a[8].value.date()) == (
        date(2024, 3, 4),
        date(2024, 3, 7),
        date(2024, 3, 6),
    )
    assert {a[6].number_format, a[7].number_format} == {"DD/MM/YYYY"}
    assert (a[9].value, a[10].value, a[11].value) == ("Võ Thị Mai", "Đã trả kết quả", "Trước hạn")
    assert [by_code[d[k].code][11].value for k in "BCDHIJ"] == [
        "Đúng hạn",
        "Trễ hạn",
        "Trễ hạn",
        None,
        "Trước hạn",
        None,
    ]
    assert by_code[d["J"].code][8].value is None
    assert rows[-1][1].value == f"COPY-{COPIES - 1:04d}"
    assert rows[-1][10].value == "Chờ bổ sung hồ sơ"


def test_numbers_run_on_from_the_start_of_the_year(month):
    count, rows, _ = _read(month.world.agency, Period(date(2024, 3, 25), date(2024, 3, 31)))
    assert count == 3  # M 25/03, K 27/03, L 29/03
    assert [(r[0].value, r[1].value) for r in rows] == [
        (12, month.dossiers["M"].code),
        (13, month.dossiers["K"].code),
        (14, month.dossiers["L"].code),
    ]
