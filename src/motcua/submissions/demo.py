"""The demo's online submissions: two waiting in the counter's queue with their scanned files,
and one draft to resume at /nop-ho-so/nhap/demo-ho-so-nhap/. Loading twice changes nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from motcua.catalog.constants import Requirement
from motcua.catalog.selectors import versions_in_force
from motcua.org.models import Agency

from . import services
from .models import Draft
from .services import DraftFields, Upload

DRAFT_TOKEN = "demo-ho-so-nhap"
# The smallest PDF a viewer opens: one empty page.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
APPLICANTS = [
    DraftFields(
        applicant_name="Lê Hoàng Phúc",
        applicant_id_number="056088004512",
        applicant_phone="0300114477",
        applicant_email="phuc.demo@example.com",
        applicant_address="18 Nguyễn Thiện Thuật, Nha Trang",
    ),
    DraftFields(
        applicant_kind="organization",
        applicant_name="Công ty TNHH Biển Xanh Cam Ranh",
        applicant_id_number="4201234567",
        applicant_phone="0300812345",
        applicant_email="bienxanh.demo@example.com",
        applicant_address="25 Lê Duẩn, Cam Ranh",
        return_method="post",
        postal_address="25 Lê Duẩn, Cam Ranh",
    ),
    DraftFields(
        applicant_name="Phạm Thu Trang",
        applicant_phone="0300556677",
        applicant_email="trang.demo@example.com",
    ),
]


def _files(version, *, only_first=False) -> list[Upload]:
    documents = [d for d in version.documents.all() if d.requirement == Requirement.MANDATORY]
    return [
        Upload(SimpleUploadedFile(f"thanh-phan-{d.position}.pdf", PDF), d.pk)
        for d in documents[: 1 if only_first else None]
    ]


@transaction.atomic
def load_demo_drafts(agency: Agency) -> int:
    """Returns how many dossiers it submitted (0 when already loaded or nothing is online)."""
    if Draft.objects.filter(agency=agency).exists():
        return 0
    online = [
        v
        for v in versions_in_force()
        .filter(procedure__agency=agency)
        .select_related("procedure")
        .order_by("procedure__local_code")
        if services.offered_online(v)
    ]
    if not online:
        return 0
    version = next((v for v in online if "đổi tên doanh nghiệp" in v.name), online[0])
    for fields in APPLICANTS[:2]:
        draft, _ = services.start_draft(version.procedure, fields, _files(version))
        services.submit_draft(draft)
    draft, _ = services.start_draft(
        version.procedure, APPLICANTS[2], _files(version, only_first=True)
    )
    Draft.objects.filter(pk=draft.pk).update(token=DRAFT_TOKEN)
    return 2
