"""An upload is accepted only when its whole content parses as the type its name claims: real
files written by real libraries pass; polyglots (a PDF header before a web page), truncated
files and one format renamed as another are refused."""

import io
from pathlib import Path
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
import docx
import openpyxl
import pytest

from motcua.core.uploads import UnacceptableFile, check_file

REPOSITORY = Path(__file__).resolve().parents[4]
# A JPEG written by a real encoder, shipped inside python-docx (a dependency).
JPEG = (
    Path(docx.__file__).parent
    / "templates"
    / "default-docx-template"
    / "docProps"
    / "thumbnail.jpeg"
).read_bytes()
SCREENSHOT = (REPOSITORY / "docs" / "img" / "welcome.png").read_bytes()
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def make_pdf(text: str = "Giay de nghi") -> bytes:
    """A one-page PDF with a correct cross-reference table, as any writer produces."""
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>",
    ]
    stream = f"BT /F1 12 Tf 72 770 Td ({text}) Tj ET".encode()
    objects.append(b"<</Length %d>>stream\n%s\nendstream" % (len(stream), stream))
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(
        b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def make_png(width: int = 2, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def make_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Đơn đề nghị cấp giấy chứng nhận")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append(["Mã hồ sơ", "Người nộp"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def zip_of(parts: dict[str, bytes]) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def check(name: str, content: bytes):
    return check_file(SimpleUploadedFile(name, content), max_mb=20)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("giay-de-nghi.pdf", make_pdf(), id="pdf"),
        pytest.param("the-can-cuoc.jpg", JPEG, id="jpeg"),
        pytest.param("anh.png", make_png(), id="png"),
        pytest.param("man-hinh.png", SCREENSHOT, id="png-screenshot"),
        pytest.param("don.docx", make_docx(), id="docx"),
        pytest.param("danh-sach.xlsx", make_xlsx(), id="xlsx"),
    ],
)
def test_a_real_file_is_accepted(name, content):
    assert check(name, content).size == len(content)


def test_the_uploaded_file_can_be_read_again_after_the_check():
    uploaded = SimpleUploadedFile("giay.pdf", make_pdf())
    check_file(uploaded, max_mb=20)
    assert uploaded.read(5) == b"%PDF-"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("x.pdf", b"%PDF-1.7\n" + HTML, id="pdf-header-then-html"),
        pytest.param(
            "x.pdf",
            b"%PDF-1.7\n" + HTML + b"\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
            id="pdf-header-html-then-a-trailer",
        ),
        pytest.param("x.pdf", make_pdf()[:-200], id="pdf-truncated"),
        pytest.param("x.pdf", b"%PDF-1.7 " + b"A" * 2000 + b"\n%%EOF\n", id="pdf-without-objects"),
        pytest.param("x.png", make_png()[:-12], id="png-without-iend"),
        pytest.param("x.png", make_png() + HTML, id="png-then-html"),
        pytest.param("x.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 16, id="png-signature-only"),
        pytest.param("x.png", make_png().replace(b"IDAT", b"IDAX"), id="png-bad-crc"),
        pytest.param("x.jpg", JPEG[: len(JPEG) // 2], id="jpeg-truncated"),
        pytest.param("x.jpg", JPEG + HTML, id="jpeg-then-html"),
        pytest.param("x.jpg", b"\xff\xd8\xff\xe0" + HTML, id="jpeg-header-then-html"),
        pytest.param("x.docx", make_xlsx(), id="xlsx-named-docx"),
        pytest.param("x.xlsx", make_docx(), id="docx-named-xlsx"),
        pytest.param("x.docx", zip_of({"a.html": HTML}), id="plain-zip-named-docx"),
        pytest.param(
            "x.docx",
            zip_of(
                {
                    "[Content_Types].xml": b'<Types><Override PartName="/word/document.xml" '
                    b'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>'
                    b"</Types>",
                    "word/document.xml": b"<w:document/>",
                }
            ),
            id="docm-named-docx",
        ),
        pytest.param("x.docx", make_docx()[:-100], id="docx-truncated"),
    ],
)
def test_a_file_that_is_not_wholly_what_it_claims_is_refused(name, content):
    with pytest.raises(UnacceptableFile, match=f"«{name}»"):
        check(name, content)
