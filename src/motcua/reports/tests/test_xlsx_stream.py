"""The streamed one-sheet XLSX reads back in openpyxl with its text, numbers, days and styles."""

from datetime import date, datetime
import io
import zipfile

from openpyxl import load_workbook

from motcua.reports.xlsx_stream import StreamedSheet


def test_values_styles_and_positions_survive_the_round_trip():
    out = io.BytesIO()
    with StreamedSheet(out, 'Sổ "A" & B') as sheet:
        sheet.append(["Mã", "Ngày"], bold=True)
        sheet.append([1, 'Công ty <TNHH> & "Hòa"\x01', date(2024, 3, 4), None, "", 2.5])
        for n in range(1200):  # more than one buffer
            sheet.append([n])
    out.seek(0)
    book = load_workbook(out)
    assert book.sheetnames == ['Sổ "A" & B']
    rows = list(book.active.iter_rows())
    assert [c.value for c in rows[0][:3]] == ["Mã", "Ngày", None] and rows[0][0].font.b
    number, text, day, empty, blank, decimal = rows[1][:6]
    assert (number.value, decimal.value) == (1, 2.5)
    assert text.value == 'Công ty <TNHH> & "Hòa"' and not text.font.b
    assert day.value == datetime(2024, 3, 4) and day.number_format == "DD/MM/YYYY"
    assert (empty.value, blank.value) == (None, None)  # the cells after them stay in place
    assert [r[0].value for r in rows[2:]] == list(range(1200))


def test_an_error_inside_leaves_no_workbook_parts():
    out = io.BytesIO()
    try:
        with StreamedSheet(out, "Sổ") as sheet:
            sheet.append(["x"])
            raise RuntimeError("query failed")
    except RuntimeError:
        pass
    assert "xl/workbook.xml" not in zipfile.ZipFile(out).namelist()
