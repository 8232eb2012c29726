"""What may be uploaded as a document (a scanned dossier document, a result, evidence of
progress or of a score): the whole content must parse as the type the name claims, and the size
is bounded. Each app turns `UnacceptableFile` into its own refusal.

A file that only starts like a PDF (a `%PDF-` header followed by an HTML page) is refused: the
checks below walk each format's structure to its end (PDF trailer, PNG chunks to IEND, JPEG
segments to EOI, the parts an Office document must have). They are structural, not a full
parser: enough to refuse a polyglot or a truncated file without a new dependency."""

from dataclasses import dataclass
import io
import re
import struct
import zipfile
import zlib

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Signature bytes of the formats a scanned or electronic document comes in.
SIGNATURES = {
    PDF: (b"%PDF-",),
    JPEG: (b"\xff\xd8\xff",),
    PNG: (b"\x89PNG\r\n\x1a\n",),
    # DOCX and XLSX are ZIP containers.
    DOCX: (b"PK\x03\x04",),
    XLSX: (b"PK\x03\x04",),
}
EXTENSIONS = {
    ".pdf": PDF,
    ".jpg": JPEG,
    ".jpeg": JPEG,
    ".png": PNG,
    ".docx": DOCX,
    ".xlsx": XLSX,
}
# The part an Office document's content must hold, and the content type it must declare for it
# (a macro-enabled .docm/.xlsm declares another and is refused).
OFFICE_MAIN_PARTS = {
    DOCX: (
        "word/document.xml",
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ),
    XLSX: (
        "xl/workbook.xml",
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ),
}
# An Office file whose parts would unpack to more than this is refused (a "zip bomb").
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
# What browsers sniff at the start of a file to decide it is a web page.
HTML_MARKERS = re.compile(rb"<\s*(?:!doctype|html|head|body|script|iframe|svg)\b", re.IGNORECASE)
PDF_HEADER = re.compile(rb"%PDF-\d\.\d")
PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
TAIL = 1024


class UnacceptableFile(ValueError):
    """A file that is refused; the message names it, in Vietnamese."""


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    size: int


def pdf_problem(data: bytes) -> str | None:
    """A header, objects, a trailer (classic or cross-reference stream) and %%EOF at the end;
    no web page markup where a browser would sniff for one."""
    if not PDF_HEADER.match(data):
        return "thiếu phần đầu %PDF-x.y"
    if HTML_MARKERS.search(data[:TAIL]):
        return "có mã trang web (HTML) ở phần đầu"
    if b"%%EOF" not in data[-TAIL:]:
        return "thiếu dấu kết thúc %%EOF (tệp bị cắt hoặc không phải PDF)"
    if not PDF_OBJECT.search(data):
        return "không có đối tượng PDF nào"
    if b"startxref" not in data[-TAIL:] and b"trailer" not in data:
        return "thiếu bảng tham chiếu (trailer/startxref)"
    return None


def png_problem(data: bytes) -> str | None:
    """Every chunk's length and CRC, IHDR first, IEND last and nothing after it."""
    position, first = 8, True
    while position + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        end = position + 12 + length
        if end > len(data):
            return "một khối dữ liệu bị cắt"
        chunk = data[position + 4 : end - 4]
        if zlib.crc32(chunk) != struct.unpack(">I", data[end - 4 : end])[0]:
            return "sai mã kiểm tra CRC"
        if first and kind != b"IHDR":
            return "khối đầu tiên không phải IHDR"
        first = False
        if kind == b"IEND":
            return None if end == len(data) else "có dữ liệu lạ sau khối IEND"
        position = end
    return "thiếu khối kết thúc IEND"


def _jpeg_scan_end(data: bytes, position: int) -> int:
    """The position of the marker ending the entropy-coded data that starts at `position`."""
    while True:
        position = data.find(b"\xff", position)
        if position < 0 or position + 1 >= len(data):
            return -1
        following = data[position + 1]
        if following == 0 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            position += 1  # stuffed byte, restart marker or fill byte: still scan data
            continue
        return position


def jpeg_problem(data: bytes) -> str | None:
    """Marker segments from SOI to EOI; only padding may follow EOI."""
    position = 2
    while position + 1 < len(data):
        if data[position] != 0xFF:
            return "cấu trúc đoạn (marker) không hợp lệ"
        marker = data[position + 1]
        if marker == 0xFF:
            position += 1
            continue
        if marker == 0xD9:
            rest = data[position + 2 :]
            return None if not rest.strip(b"\x00\r\n\t ") else "có dữ liệu lạ sau điểm kết thúc"
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            position += 2
            continue
        if position + 4 > len(data):
            break
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        if length < 2:
            return "độ dài đoạn không hợp lệ"
        position += 2 + length
        if marker == 0xDA:
            position = _jpeg_scan_end(data, position)
            if position < 0:
                break
    return "thiếu điểm kết thúc ảnh (EOI): tệp bị cắt"


def office_problem(data: bytes, content_type: str) -> str | None:
    """A ZIP that opens, with [Content_Types].xml declaring the main part, and that part."""
    main_part, main_type = OFFICE_MAIN_PARTS[content_type]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" not in names or main_part not in names:
                return f"thiếu phần {main_part} hoặc [Content_Types].xml"
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                return "nội dung giải nén quá lớn"
            if main_type not in archive.read("[Content_Types].xml"):
                return "không khai báo đúng loại tài liệu (có thể chứa macro)"
            archive.read(main_part)  # decompresses it and checks its CRC
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        EOFError,
        OSError,
        NotImplementedError,
        zlib.error,
    ):
        return "tệp nén không đọc được"
    return None


def content_problem(data: bytes, content_type: str) -> str | None:
    """Why `data` is not a whole file of `content_type`, or None."""
    if content_type == PDF:
        return pdf_problem(data)
    if content_type == PNG:
        return png_problem(data)
    if content_type == JPEG:
        return jpeg_problem(data)
    return office_problem(data, content_type)


def check_file(uploaded, max_mb: int) -> CheckedFile:
    """Refuse, with a message naming the file, anything that is not an accepted document."""
    name = uploaded.name.rsplit("/", 1)[-1]
    limit = max_mb * 1024 * 1024
    if uploaded.size == 0:
        raise UnacceptableFile(f"Tệp «{name}» rỗng.")
    if uploaded.size > limit:
        raise UnacceptableFile(
            f"Tệp «{name}» nặng {uploaded.size / 1024 / 1024:.1f} MB, vượt giới hạn {max_mb} MB."
        )
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    content_type = EXTENSIONS.get(extension)
    if content_type is None:
        raise UnacceptableFile(
            f"Tệp «{name}» không đúng định dạng; chỉ nhận PDF, JPG, PNG, DOCX, XLSX."
        )
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    if not data.startswith(SIGNATURES[content_type]):
        raise UnacceptableFile(f"Nội dung tệp «{name}» không khớp với định dạng {extension}.")
    problem = content_problem(data, content_type)
    if problem:
        raise UnacceptableFile(
            f"Nội dung tệp «{name}» không phải tệp {extension} hợp lệ: {problem}."
        )
    return CheckedFile(name, content_type, uploaded.size)
