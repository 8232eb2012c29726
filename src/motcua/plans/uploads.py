"""Evidence files are checked by their first bytes, not only their names, and bounded in size."""

from motcua.dossiers.uploads import EXTENSIONS, SIGNATURES

from .constants import MAX_EVIDENCE_MB
from .errors import PlanError


def check_evidence(uploaded) -> str:
    """The content type of an acceptable evidence file; PlanError naming the file otherwise."""
    name = uploaded.name.rsplit("/", 1)[-1]
    if uploaded.size == 0:
        raise PlanError(f"Tệp «{name}» rỗng.")
    if uploaded.size > MAX_EVIDENCE_MB * 1024 * 1024:
        raise PlanError(f"Tệp «{name}» vượt giới hạn {MAX_EVIDENCE_MB} MB.")
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    content_type = EXTENSIONS.get(extension)
    if content_type is None:
        raise PlanError(f"Tệp «{name}» không đúng định dạng; chỉ nhận PDF, JPG, PNG, DOCX, XLSX.")
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if not head.startswith(SIGNATURES[content_type]):
        raise PlanError(f"Nội dung tệp «{name}» không khớp với định dạng {extension}.")
    return content_type
