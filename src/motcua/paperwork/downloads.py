"""The DOCX download response, with a file name every browser keeps in Vietnamese."""

import unicodedata
from urllib.parse import quote

from django.http import HttpResponse

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def ascii_name(name: str) -> str:
    """The file name without marks, for clients that ignore filename*: "Mẫu số 01" → "Mau so 01"."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return "".join(
        ch if ch.isascii() and ch.isprintable() and ch not in '"\\' else "_" for ch in plain
    )


def docx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="{ascii_name(filename)}"; '
        f"filename*=UTF-8''{quote(filename, safe='')}"
    )
    return response
