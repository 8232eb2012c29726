"""What may be attached to a dossier: the type is read from the file's first bytes, not only
from its name, and the size is bounded."""

from dataclasses import dataclass

from django.conf import settings

from .errors import InvalidInput

# Signature bytes of the formats a scanned or electronic document comes in.
SIGNATURES = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    # DOCX and XLSX are ZIP containers.
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK\x03\x04",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (b"PK\x03\x04",),
}
EXTENSIONS = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    size: int


def check_upload(uploaded) -> CheckedFile:
    """Refuse, with a message naming the file, anything that is not an accepted document."""
    name = uploaded.name.rsplit("/", 1)[-1]
    limit = settings.MOTCUA_MAX_UPLOAD_MB * 1024 * 1024
    if uploaded.size == 0:
        raise InvalidInput(f"Tệp «{name}» rỗng.")
    if uploaded.size > limit:
        raise InvalidInput(
            f"Tệp «{name}» nặng {uploaded.size / 1024 / 1024:.1f} MB, vượt giới hạn "
            f"{settings.MOTCUA_MAX_UPLOAD_MB} MB."
        )
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    content_type = EXTENSIONS.get(extension)
    if content_type is None:
        raise InvalidInput(
            f"Tệp «{name}» không đúng định dạng; chỉ nhận PDF, JPG, PNG, DOCX, XLSX."
        )
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if not head.startswith(SIGNATURES[content_type]):
        raise InvalidInput(f"Nội dung tệp «{name}» không khớp với định dạng {extension}.")
    return CheckedFile(name, content_type, uploaded.size)
