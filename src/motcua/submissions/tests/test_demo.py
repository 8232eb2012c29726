"""The demo's online submissions: in the counter's queue with files, and a draft to resume."""

from motcua.dossiers.constants import State
from motcua.dossiers.models import Dossier
from motcua.submissions.demo import DRAFT_TOKEN, load_demo_drafts
from motcua.submissions.models import Draft


def test_the_demo_puts_two_submissions_with_files_in_the_queue_and_one_draft(client, world):
    assert load_demo_drafts(world.agency) == 2
    waiting = Dossier.objects.filter(state=State.SUBMITTED)
    assert waiting.count() == 2
    assert all(d.attachments.count() == 2 for d in waiting)
    page = client.get(f"/nop-ho-so/nhap/{DRAFT_TOKEN}/").content.decode()
    assert 'value="Phạm Thu Trang"' in page and "thanh-phan-1.pdf" in page
    assert load_demo_drafts(world.agency) == 0
    assert Draft.objects.count() == 3 and Dossier.objects.count() == 2


def test_the_demo_department_gets_them_on_a_procedure_offered_online(department):
    # The demo loader made them; loading again changes nothing.
    assert load_demo_drafts(department) == 0
    assert Draft.objects.filter(agency=department).count() == 3
    dossier = Dossier.objects.filter(
        agency=department, state=State.SUBMITTED, draft__isnull=False
    ).first()
    assert "đổi tên doanh nghiệp" in dossier.version.name
    assert dossier.attachments.exists()
