"""Writes the DOCX templates of the forms with python-docx, so that they are reviewed as code
and regenerated instead of edited by hand in Word:

    .venv/bin/motcua build_form_templates

The files land in templates/paperwork/docx/ (shipped with the package, like every template)
and carry docxtpl's Jinja tags: {{ … }} for values, {%tr for %} rows for tables, {%p for %}
paragraphs for lists. The context of each form is built in dossier_forms.py, guidance.py and
register.py. Layout: Decree 30/2020 conventions, Times New Roman; A5 portrait, the register A4
landscape (Circular 01/2018 Art. 9(2))."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .forms import A4_LANDSCAPE, A5, DOCX_DIR, FORMS

FONT = "Times New Roman"
# Fixed metadata, so that a rebuild changes the files only where the layout changed.
BUILT = datetime(2025, 7, 1, tzinfo=UTC)
CENTER, RIGHT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
SIGN_HINT = "(Ký, ghi rõ họ tên)"
SEAL_HINT = "(Ký, ghi rõ họ tên và đóng dấu)"


@dataclass(frozen=True)
class Paper:
    width: int
    height: int
    top: int
    right: int
    bottom: int
    left: int
    font_size: int
    head_size: int  # the letterhead's lines, smaller so the motto keeps to one line

    @property
    def text_width(self) -> int:
        return self.width - self.left - self.right


PAPERS = {
    A5: Paper(Mm(148), Mm(210), Mm(12), Mm(10), Mm(12), Mm(15), Pt(12), Pt(10)),
    A4_LANDSCAPE: Paper(Mm(297), Mm(210), Mm(15), Mm(15), Mm(15), Mm(20), Pt(11), Pt(12)),
}


# ---------------------------------------------------------------------------------------------
# Building blocks


def new_document(paper: Paper):
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if paper.width > paper.height else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = paper.width, paper.height
    section.top_margin, section.right_margin = paper.top, paper.right
    section.bottom_margin, section.left_margin = paper.bottom, paper.left
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = paper.font_size
    fonts = normal.element.rPr.rFonts
    for script in ("w:eastAsia", "w:cs"):  # Vietnamese must not fall back to another font
        fonts.set(qn(script), FONT)
    normal.paragraph_format.space_after = Pt(2)
    normal.paragraph_format.space_before = Pt(0)
    properties = document.core_properties
    properties.author = properties.last_modified_by = "Motcua"
    properties.created = properties.modified = BUILT
    properties.revision = 1
    return document


@dataclass(frozen=True)
class Styled:
    text: str
    bold: bool = False
    italic: bool = False


def b(text: str) -> Styled:
    return Styled(text, bold=True)


def i(text: str) -> Styled:
    return Styled(text, italic=True)


def _add_runs(paragraph, runs, size):
    """One run per item, so a Jinja tag never spans two runs (docxtpl needs that)."""
    for item in runs:
        styled = Styled(item) if isinstance(item, str) else item
        run = paragraph.add_run(styled.text)
        run.bold = styled.bold or None
        run.italic = styled.italic or None
        if size is not None:
            run.font.size = Pt(size)


def para(container, *runs, align=None, size=None, space_before=None):
    """A paragraph of runs, each a str or a Styled."""
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    if space_before is not None:
        paragraph.paragraph_format.space_before = Pt(space_before)
    _add_runs(paragraph, runs, size)
    return paragraph


def _cell_lines(cell, lines, *, align=None, size=None):
    """Write `lines` into a cell: a line is a run, or a tuple of runs for one paragraph. The
    first fills the empty paragraph a new cell starts with."""
    lines = lines if isinstance(lines, list) else [lines]
    for index, line in enumerate(lines):
        runs = line if isinstance(line, tuple) else (line,)
        if index == 0:
            paragraph = cell.paragraphs[0]
            paragraph.alignment = align
            _add_runs(paragraph, runs, size)
        else:
            para(cell, *runs, align=align, size=size)


def _widths(table, widths):
    """Word reads the cells' widths, LibreOffice the grid's: set both."""
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def layout_table(container, widths, cells):
    """A borderless table to place blocks side by side; `cells` are lists of lines."""
    table = container.add_table(rows=1, cols=len(widths))
    for cell, lines in zip(table.rows[0].cells, cells):
        _cell_lines(cell, lines, align=CENTER)
    _widths(table, widths)
    return table


# The short line Decree 30/2020 draws under the agency's name and under the motto.
RULE = "―――――――"


def letterhead(document, paper: Paper, *, dated=True):
    para(document, b("{{ form_number }}"), align=RIGHT, size=paper.head_size.pt)
    left = ["{{ agency_parent }}", b("{{ agency_name }}"), RULE]
    right = [b("{{ motto }}"), b("{{ slogan }}"), RULE]
    if dated:
        right.append(i("{{ place_date }}"))
    left_width = paper.text_width * 7 // 20
    table = layout_table(document, [left_width, paper.text_width - left_width], [left, right])
    for cell in table.rows[0].cells:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.font.size = paper.head_size


def title(document, *lines):
    para(document, b("{{ title|upper }}"), align=CENTER, size=13, space_before=8)
    for line in lines:
        para(document, *(line if isinstance(line, tuple) else (line,)), align=CENTER)


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    cell: object  # a line, or a list of lines (paragraphs)
    center: bool = False


def grid(document, columns: list[Column], loop: str, *, size=None):
    """A bordered table: a header row, then one row per item of `loop` ("r in rows"); `size`
    shrinks the rows of a table with many columns."""
    table = document.add_table(rows=4, cols=len(columns))
    table.style = "Table Grid"
    header, opening, body, closing = table.rows
    for cell, column in zip(header.cells, columns):
        _cell_lines(cell, b(column.header), align=CENTER, size=10)
    _cell_lines(opening.cells[0], "{%tr for " + loop + " %}")
    for cell, column in zip(body.cells, columns):
        _cell_lines(cell, column.cell, align=CENTER if column.center else None, size=size)
    _cell_lines(closing.cells[0], "{%tr endfor %}")
    _widths(table, [column.width for column in columns])
    return table


def _signature(signer) -> list:
    """A signature block from (title, hint, name), with room to sign; None is an empty side."""
    if signer is None:
        return [""]
    heading, hint, name = signer
    return [b(heading), i(hint), "", "", "", b(name)]


def signatures(document, paper: Paper, left, right):
    half = paper.text_width // 2
    para(document, "")
    layout_table(document, [half, paper.text_width - half], [_signature(left), _signature(right)])


def recipients(document, paper: Paper, signer):
    """The letter's foot: "Nơi nhận" on the left, the signature for the agency on the right."""
    half = paper.text_width // 2
    left = [
        Styled("Nơi nhận:", bold=True, italic=True),
        "- Như trên;",
        "- Lưu: VT, Bộ phận Một cửa.",
    ]
    para(document, "")
    table = layout_table(document, [half, paper.text_width - half], [left, _signature(signer)])
    for paragraph in table.rows[0].cells[0].paragraphs:
        paragraph.alignment = None
        for run in paragraph.runs:
            run.font.size = Pt(10)


def field(document, label: str, value: str, *, bold_value=False):
    return para(document, f"{label}: ", b(value) if bold_value else value)


def applicant_block(document):
    field(document, "Kính gửi", "{{ applicant_name }}", bold_value=True)
    field(document, "Địa chỉ", "{{ applicant_address }}")
    para(document, "Số điện thoại: {{ applicant_phone }}    Thư điện tử: {{ applicant_email }}")


# ---------------------------------------------------------------------------------------------
# The forms


def receipt(document, paper: Paper):
    letterhead(document, paper)
    title(document, ("Mã hồ sơ: ", b("{{ code }}")))
    para(document, "{{ issuer }} tiếp nhận hồ sơ của:")
    field(document, "Ông/bà", "{{ applicant_name }}", bold_value=True)
    field(document, "Số định danh cá nhân/CCCD/mã số thuế", "{{ applicant_id_number }}")
    field(document, "Địa chỉ", "{{ applicant_address }}")
    para(document, "Số điện thoại: {{ applicant_phone }}    Thư điện tử: {{ applicant_email }}")
    field(document, "Nội dung yêu cầu giải quyết", "{{ subject }}")
    field(document, "Chủ hồ sơ", "{{ owner_name }}")
    para(document, "1. Thành phần hồ sơ nộp gồm:")
    width = paper.text_width
    grid(
        document,
        [
            Column("STT", Mm(12), "{{ d.number }}", center=True),
            Column("Tên giấy tờ", width - Mm(52), "{{ d.name }}"),
            Column("Bản chính", Mm(20), "{{ d.originals }}", center=True),
            Column("Bản sao", Mm(20), "{{ d.copies }}", center=True),
        ],
        "d in documents",
    )
    para(document, "2. Số lượng hồ sơ: {{ sets }} bộ.")
    para(document, "3. Thời hạn giải quyết hồ sơ theo quy định: {{ time_limit }}.")
    para(document, "4. Thời gian nhận hồ sơ: {{ received_words }}.")
    para(document, "5. Thời gian trả kết quả giải quyết hồ sơ: ", b("{{ due_words }}"), ".")
    para(document, "6. Nơi nhận kết quả: {{ collect_at }}.")
    para(document, "7. Phí, lệ phí:{% if not fees %} không.{% endif %}")
    para(document, "{%p for f in fees %}")
    para(document, "- {{ f.name }}: {{ f.amount }}")
    para(document, "{%p endfor %}")
    para(
        document,
        "Vào Sổ theo dõi hồ sơ, Quyển số: {{ register_book }}, Số thứ tự: {{ register_number }}.",
    )
    para(
        document,
        i(
            "Trường hợp hồ sơ được giải quyết xong trước thời hạn, Bộ phận Một cửa sẽ "
            "báo cho ông/bà qua số điện thoại hoặc thư điện tử đã đăng ký."
        ),
        align=JUSTIFY,
        size=10,
    )
    qr_width = Mm(32)
    layout_table(
        document,
        [qr_width, paper.text_width - qr_width],
        [
            ["{{ qr_image }}", b("Mã tra cứu: {{ tracking_secret }}")],
            [i("Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập"), "{{ tracking_url }}"],
        ],
    )
    signatures(
        document,
        paper,
        ("NGƯỜI NỘP HỒ SƠ", SIGN_HINT, "{{ applicant_name }}"),
        ("NGƯỜI TIẾP NHẬN HỒ SƠ", SIGN_HINT, "{{ receiver }}"),
    )


def supplement_request(document, paper: Paper):
    letterhead(document, paper)
    title(document, ("Mã hồ sơ: ", b("{{ code }}"), " — Lần yêu cầu: {{ supplement_number }}"))
    applicant_block(document)
    para(
        document,
        "Ngày {{ received_date }}, {{ issuer }} tiếp nhận hồ sơ của ông/bà đề nghị "
        "giải quyết thủ tục: {{ procedure }}.",
        align=JUSTIFY,
    )
    field(document, "Nội dung yêu cầu giải quyết", "{{ subject }}")
    para(document, "Sau khi xem xét, đề nghị ông/bà bổ sung, hoàn thiện những nội dung sau:")
    half = (paper.text_width - Mm(12)) // 2
    grid(
        document,
        [
            Column("STT", Mm(12), "{{ i.number }}", center=True),
            Column("Giấy tờ cần bổ sung, hoàn thiện", half, "{{ i.name }}"),
            Column("Nội dung cần bổ sung, hoàn thiện", half, "{{ i.note }}"),
        ],
        "i in items",
    )
    field(document, "Lý do", "{{ reason }}")
    para(document, "{{ clock_rule }}", align=JUSTIFY)
    para(
        document,
        "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ "
        "{{ officer }}, số điện thoại {{ officer_phone }} để được hướng dẫn.",
        align=JUSTIFY,
    )
    signatures(document, paper, None, ("NGƯỜI HƯỚNG DẪN", SIGN_HINT, "{{ officer }}"))


def refusal(document, paper: Paper):
    letterhead(document, paper)
    title(document, ("Mã hồ sơ: ", b("{{ code }}")))
    applicant_block(document)
    field(document, "Nội dung yêu cầu giải quyết", "{{ subject }}")
    para(
        document,
        "Sau khi nghiên cứu, xem xét hồ sơ, {{ issuer }} thông báo không tiếp nhận, "
        "giải quyết hồ sơ này với lý do cụ thể như sau:",
        align=JUSTIFY,
    )
    para(document, b("{{ reason }}"), align=JUSTIFY)
    para(
        document,
        "Xin thông báo để ông/bà biết. Mọi vướng mắc xin liên hệ {{ issuer }}"
        "{% if issuer_phone %}, số điện thoại {{ issuer_phone }}{% endif %} để được "
        "hướng dẫn.",
        align=JUSTIFY,
    )
    signatures(
        document,
        paper,
        ("NGƯỜI NỘP HỒ SƠ", SIGN_HINT, "{{ applicant_name }}"),
        ("NGƯỜI TIẾP NHẬN HỒ SƠ", SIGN_HINT, "{{ receiver }}"),
    )


def apology(document, paper: Paper):
    letterhead(document, paper)
    title(document)
    applicant_block(document)
    para(
        document,
        "Ngày {{ received_date }}, {{ issuer }} tiếp nhận hồ sơ của ông/bà, mã hồ sơ "
        "{{ code }}, nội dung yêu cầu giải quyết: {{ subject }}. Thời gian hẹn trả "
        "kết quả: {{ old_due_words }}.",
        align=JUSTIFY,
    )
    para(
        document,
        "Hồ sơ của ông/bà không thể giải quyết đúng thời hạn đã hẹn vì lý do: {{ reason }}.",
        align=JUSTIFY,
    )
    para(
        document,
        "{{ issuer }} xin lỗi ông/bà vì sự chậm trễ này và {{ promise }} ",
        b("{{ new_due_words }}"),
        ".",
        align=JUSTIFY,
    )
    field(document, "Nơi nhận kết quả", "{{ collect_at }}")
    para(document, "Rất mong nhận được sự thông cảm của ông/bà.")
    recipients(document, paper, ("{{ signer_title }}", SEAL_HINT, "{{ signer }}"))


def stop_notice(document, paper: Paper):
    letterhead(document, paper)
    title(document)
    applicant_block(document)
    para(
        document,
        "Ngày {{ received_date }}, {{ issuer }} tiếp nhận hồ sơ của ông/bà, mã hồ sơ "
        "{{ code }}, nội dung yêu cầu giải quyết: {{ subject }}.",
        align=JUSTIFY,
    )
    para(
        document,
        "Ngày {{ requested_date }}, ông/bà đề nghị dừng giải quyết hồ sơ"
        "{% if request_note %} ({{ request_note }}){% endif %}.",
        align=JUSTIFY,
    )
    para(
        document,
        "{{ issuer }} thông báo dừng giải quyết hồ sơ nêu trên kể từ ",
        b("{{ stopped_words }}"),
        ". Ông/bà liên hệ Bộ phận Một cửa để nhận lại hồ sơ, giấy tờ đã nộp (nếu có).",
        align=JUSTIFY,
    )
    recipients(document, paper, ("{{ signer_title }}", SEAL_HINT, "{{ signer }}"))


def control_sheet(document, paper: Paper):
    letterhead(document, paper)
    title(
        document, ("Mã hồ sơ: ", b("{{ code }}")), i("(Kèm theo hồ sơ của: {{ applicant_name }})")
    )
    field(document, "Nội dung yêu cầu giải quyết", "{{ subject }}")
    field(document, "Thời gian nhận hồ sơ", "{{ received_words }}")
    field(document, "Thời gian trả kết quả giải quyết hồ sơ", "{{ due_words }}")
    width = paper.text_width
    grid(
        document,
        [
            Column("TT", Mm(9), "{{ r.number }}", center=True),
            Column(
                "Tên cơ quan, đơn vị",
                Mm(34),
                ["Giao: {{ r.giver_place }}", "Nhận: {{ r.taker_place }}"],
            ),
            Column(
                "Thời gian giao, nhận hồ sơ",
                width - Mm(83),
                ["{{ r.handed_at }}", "Người giao: {{ r.giver }}", "Người nhận: {{ r.taker }}"],
            ),
            Column(
                "Kết quả giải quyết hồ sơ (Trước hạn/ Đúng hạn/ Quá hạn)",
                Mm(20),
                "{{ r.result }}",
                center=True,
            ),
            Column("Ghi chú", Mm(20), "{{ r.note }}"),
        ],
        "r in rows",
        size=10,
    )


def register(document, paper: Paper):
    letterhead(document, paper, dated=False)
    title(document, i("Từ ngày {{ start }} đến ngày {{ end }}"))
    grid(
        document,
        [
            Column("STT", Mm(12), "{{ r.number }}", center=True),
            Column("Mã hồ sơ", Mm(34), "{{ r.code }}"),
            Column("Thủ tục hành chính", Mm(36), "{{ r.procedure }}"),
            Column("Số bộ", Mm(12), "{{ r.sets }}", center=True),
            Column("Chủ hồ sơ", Mm(28), "{{ r.owner }}"),
            Column("Địa chỉ, số điện thoại", Mm(30), "{{ r.contact }}"),
            Column("Ngày nhận", Mm(21), "{{ r.received }}", center=True),
            Column("Ngày hẹn trả", Mm(21), "{{ r.due }}", center=True),
            Column("Ngày trả kết quả", Mm(21), "{{ r.returned }}", center=True),
            Column("Người nhận hồ sơ", Mm(22), "{{ r.receiver }}"),
            Column("Ghi chú", Mm(25), "{{ r.remark }}"),
        ],
        "r in rows",
        size=10,
    )
    para(document, "Tổng số: {{ total }} hồ sơ.", space_before=4)


def guidance_slip(document, paper: Paper):
    letterhead(document, paper)
    title(document, "Số: {{ slip_number }}")
    field(document, "Hướng dẫn ông/bà", "{{ applicant_name }}", bold_value=True)
    para(document, "{% if applicant_phone %}Số điện thoại: {{ applicant_phone }}{% endif %}")
    field(document, "Hoàn thiện hồ sơ đề nghị giải quyết thủ tục", "{{ procedure }}")
    field(document, "Thời hạn giải quyết theo quy định", "{{ time_limit }}")
    para(
        document,
        "Hồ sơ còn thiếu các giấy tờ sau; đề nghị ông/bà chuẩn bị đủ một lần rồi nộp lại:",
        align=JUSTIFY,
    )
    grid(
        document,
        [
            Column("STT", Mm(12), "{{ m.number }}", center=True),
            Column("Giấy tờ còn thiếu", paper.text_width - Mm(12), "{{ m.name }}"),
        ],
        "m in missing",
    )
    para(document, "{% if note %}Hướng dẫn thêm: {{ note }}{% endif %}", align=JUSTIFY)
    para(document, "Mọi vướng mắc xin liên hệ {{ officer }}, số điện thoại {{ officer_phone }}.")
    signatures(
        document,
        paper,
        ("NGƯỜI ĐƯỢC HƯỚNG DẪN", SIGN_HINT, "{{ applicant_name }}"),
        ("NGƯỜI HƯỚNG DẪN", SIGN_HINT, "{{ officer }}"),
    )


LAYOUTS: dict[str, Callable] = {
    "receipt": receipt,
    "supplement_request": supplement_request,
    "refusal": refusal,
    "apology": apology,
    "stop_notice": stop_notice,
    "control_sheet": control_sheet,
    "register": register,
    "guidance_slip": guidance_slip,
}


def build(directory: Path = DOCX_DIR) -> list[Path]:
    """Write every form's template into `directory`; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, layout in LAYOUTS.items():
        paper = PAPERS[FORMS[kind].paper]
        document = new_document(paper)
        layout(document, paper)
        path = directory / f"{kind}.docx"
        document.save(path)
        written.append(path)
    return written
