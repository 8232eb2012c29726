"""The drafts' admin: read-only, scoped to the administrator's agency, never showing the token."""

from motcua.org.models import Agency, Unit
from motcua.org.tests.factories import make_staff
from motcua.submissions import services
from motcua.submissions.services import DraftFields, Upload

from .conftest import pdf


def test_the_admin_shows_an_agency_only_its_drafts_and_never_the_token(client, world):
    draft, _ = services.start_draft(
        world.procedure, DraftFields(applicant_name="Nguyễn Thị Hoa"), [Upload(pdf("de-nghi.pdf"))]
    )
    other = Agency.objects.create(code="000.00.18.H34", name="Sở Tài chính", level="department")
    admin = make_staff(
        "quantri2", other, Unit.objects.create(agency=other, code="vp", name="VP"), is_staff=True
    )
    admin.user.is_superuser = True  # every permission, still bound to its agency
    admin.user.save()
    client.force_login(admin.user)
    assert "Nguyễn Thị Hoa" not in client.get("/quan-tri/submissions/draft/").text
    world.office.user.is_staff = world.office.user.is_superuser = True
    world.office.user.save()
    client.force_login(world.office.user)
    assert "Nguyễn Thị Hoa" in client.get("/quan-tri/submissions/draft/").text
    page = client.get(f"/quan-tri/submissions/draft/{draft.pk}/change/")
    assert page.status_code == 200
    assert "de-nghi.pdf" in page.text and draft.token not in page.text
