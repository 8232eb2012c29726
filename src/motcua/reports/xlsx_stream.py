"""A one-sheet XLSX written row by row straight into its zip, for the files of a million rows.

openpyxl's write-only mode keeps memory flat but spends about 0.2 ms a row building cell
objects: five minutes for a year's register at a million dossiers. Here each row is one string
of SpreadsheetML (strings inline, dates as serial numbers with a dd/mm/yyyy style), so the cost
is the XML text and its compression. Only what the register needs: text, numbers, dates, bold."""

from collections.abc import Iterable
from datetime import date
import re
from typing import BinaryIO
from xml.sax.saxutils import escape
import zipfile

from motcua.core.cells import is_formula_like

EPOCH = date(1899, 12, 30)  # day 0 of Excel's 1900 date system, as the serials count
BOLD, DAY, QUOTED, BOLD_QUOTED = 1, 2, 3, 4  # cell style indexes in STYLES
# Characters XML 1.0 forbids (control characters other than tab and line breaks).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>'
)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    "</cellStyleXfs>"
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" '
    'quotePrefix="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)
SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>"
)
SHEET_END = "</sheetData></worksheet>"


def _workbook(sheet_name: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{escape(sheet_name, {chr(34): "&quot;"})}" sheetId="1" '
        'r:id="rId1"/></sheets></workbook>'
    )


def _cell(value, style: int = 0) -> str:
    if value is None or value == "":
        return "<c/>"
    s = f' s="{style}"' if style else ""
    if isinstance(value, str):
        text = escape(_FORBIDDEN.sub("", value))
        if is_formula_like(value):
            # Already a string cell, never evaluated on opening; the quote prefix keeps it text
            # when someone edits the cell too (core.cells).
            s = f' s="{BOLD_QUOTED if style == BOLD else QUOTED}"'
        return f'<c t="inlineStr"{s}><is><t xml:space="preserve">{text}</t></is></c>'
    if isinstance(value, date):  # a day (a datetime is turned into its day by the caller)
        return f'<c s="{DAY}"><v>{(value - EPOCH).days}</v></c>'
    return f"<c{s}><v>{value}</v></c>"


class StreamedSheet:
    """`with StreamedSheet(out, name) as sheet: sheet.append([...])`; the zip is finished when
    the block ends."""

    BUFFER_ROWS = 500

    def __init__(self, out: BinaryIO, name: str):
        self._zip = zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
        self._name = name
        self._rows: list[str] = []

    def __enter__(self):
        self._sheet = self._zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        self._sheet.write(SHEET_START.encode())
        return self

    def append(self, values: Iterable, bold: bool = False) -> None:
        style = BOLD if bold else 0
        self._rows.append("<row>" + "".join(_cell(v, style) for v in values) + "</row>")
        if len(self._rows) >= self.BUFFER_ROWS:
            self._flush()

    def _flush(self) -> None:
        self._sheet.write("".join(self._rows).encode())
        self._rows = []

    def __exit__(self, kind, error, trace):
        if kind is None:
            self._flush()
            self._sheet.write(SHEET_END.encode())
        self._sheet.close()
        if kind is None:
            for name, text in (
                ("[Content_Types].xml", CONTENT_TYPES),
                ("_rels/.rels", ROOT_RELS),
                ("xl/workbook.xml", _workbook(self._name)),
                ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
                ("xl/styles.xml", STYLES),
            ):
                self._zip.writestr(name, text)
        self._zip.close()
        return False
