"""Who may see the forms: signed-in staff of the dossier's agency; another agency's dossier
is a 404, a signed-out visitor is sent to sign in. DOCX downloads keep Vietnamese names."""

from django.urls import reverse
import pytest

from motcua.dossiers import services
from motcua.org.constants import Role
from motcua.org.models import Unit
from motcua.org.tests.factories import make_staff
from motcua.paperwork.downloads import DOCX_TYPE, ascii_name

from .conftest import docx_text, vn


@pytest.fixture
def dossier(world):
    dossier = services.forward(
        world.receive(at=vn(2024, 3, 4, 9, 30)), world.officer, at=vn(2024, 3, 4, 10, 0)
    )
    return services.refuse(dossier, world.head, "Không đủ điều kiện", at=vn(2024, 3, 4, 11, 0))


@pytest.fixture
def stranger(other_agency):
    unit = Unit.objects.create(agency=other_agency, code="mot-cua", name="Một cửa")
    return make_staff("khac", other_agency, unit, Role.COUNTER_OFFICER)


KINDS = ["receipt", "refusal", "control_sheet"]


def test_the_agencys_staff_see_the_pages_and_the_docx(signed_in, dossier):
    for kind in KINDS:
        page = signed_in.get(reverse("paperwork:form_html", args=[dossier.code, kind]))
        assert page.status_code == 200
        assert dossier.code in page.content.decode()
        docx = signed_in.get(reverse("paperwork:form_docx", args=[dossier.code, kind]))
        assert docx.status_code == 200
        assert docx["Content-Type"] == DOCX_TYPE
        assert dossier.code in docx_text(docx.content)


def test_another_agencys_staff_get_a_404(client, stranger, dossier):
    client.force_login(stranger.user)
    for kind in KINDS:
        for name in ("paperwork:form_html", "paperwork:form_docx"):
            assert client.get(reverse(name, args=[dossier.code, kind])).status_code == 404


def test_another_agencys_slip_is_a_404(client, stranger, world):
    slip = services.issue_guidance_slip(
        world.officer, world.procedure, "Trần Văn Bình", world.documents(all_mandatory=False)
    )
    client.force_login(stranger.user)
    for name in ("paperwork:guidance_slip_html", "paperwork:guidance_slip_docx"):
        assert client.get(reverse(name, args=[slip.pk])).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, dossier):
    urls = [
        reverse("paperwork:form_html", args=[dossier.code, "receipt"]),
        reverse("paperwork:form_docx", args=[dossier.code, "receipt"]),
        reverse("paperwork:guidance_slip_html", args=[1]),
        reverse("paperwork:register_html"),
        reverse("paperwork:register_docx"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and reverse("org:login") in response["Location"]


def test_the_file_name_is_vietnamese_with_an_ascii_fallback(signed_in, dossier):
    docx = signed_in.get(reverse("paperwork:form_docx", args=[dossier.code, "receipt"]))
    disposition = docx["Content-Disposition"]
    assert disposition.startswith(
        'attachment; filename="Mau so 01 - Giay tiep nhan ho so va hen tra ket qua - '
        f'{dossier.code}.docx"; '
    )
    assert "filename*=UTF-8''M%E1%BA%ABu%20s%E1%BB%91%2001%20-%20Gi%E1%BA%A5y" in disposition


def test_the_ascii_fallback_drops_marks_and_quotes():
    assert ascii_name('Đơn "xin" rút.docx') == "Don _xin_ rut.docx"


def test_a_dossier_page_offers_its_other_forms(signed_in, dossier):
    page = signed_in.get(reverse("paperwork:form_html", args=[dossier.code, "receipt"]))
    html = page.content.decode()
    assert reverse("paperwork:form_html", args=[dossier.code, "refusal"]) in html
    assert reverse("paperwork:form_html", args=[dossier.code, "control_sheet"]) in html
    assert reverse("paperwork:form_html", args=[dossier.code, "apology"]) not in html


def test_a_kind_that_is_not_a_dossier_form_is_a_404(signed_in, dossier):
    for kind in ("register", "guidance_slip", "giay-phep"):
        page = signed_in.get(reverse("paperwork:form_html", args=[dossier.code, kind]))
        assert page.status_code == 404
