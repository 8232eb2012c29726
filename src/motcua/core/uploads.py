"""What may be uploaded as a document (a scanned dossier document, a result, evidence of
progress or of a score): the type is read from the file's first bytes, not only from its name,
and the size is bounded. Each app turns `UnacceptableFile` into its own refusal."""

from dataclasses import dataclass

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


class UnacceptableFile(ValueError):
    """A file that is refused; the message names it, in Vietnamese."""


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    size: int


def check_file(uploaded, max_mb: int) -> CheckedFile:
    """Refuse, with a message naming the file, anything that is not an accepted document."""
    name = uploaded.name.rsplit("/", 1)[-1]
    limit = max_mb * 1024 * 1024
    if uploaded.size == 0:
        raise UnacceptableFile(f"Tệp «{name}» rỗng.")
    if uploaded.size > limit:
        raise UnacceptableFile(
            f"Tệp «{name}» nặng {uploaded.size / 1024 / 1024:.1f} MB, vượt giới hạn "
            f"{max_mb} MB."
        )
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    content_type = EXTENSIONS.get(extension)
    if content_type is None:
        raise UnacceptableFile(
            f"Tệp «{name}» không đúng định dạng; chỉ nhận PDF, JPG, PNG, DOCX, XLSX."
        )
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if not head.startswith(SIGNATURES[content_type]):
        raise UnacceptableFile(f"Nội dung tệp «{name}» không khớp với định dạng {extension}.")
    return CheckedFile(name, content_type, uploaded.size)
