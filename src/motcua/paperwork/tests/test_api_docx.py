"""The forms through the API, as the integrations download them."""

from io import BytesIO

from docx import Document

from motcua.api.tests.support import ApiClient
from motcua.dossiers import services


def _text(content: bytes) -> str:
    document = Document(BytesIO(content))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_receipt_downloads_as_docx(world, client):
    dossier = world.receive()
    api = ApiClient(client, world.officer.user.username)
    response = api.get(f"/dossiers/{dossier.code}/forms/receipt.docx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert "filename*=UTF-8''M%E1%BA%ABu%20s%E1%BB%91%2001" in response["Content-Disposition"]
    text = _text(response.content)
    assert dossier.code in text and "Nguyễn Thị Hoa" in text


def test_the_latest_supplement_request_and_refusals(world, client):
    dossier = services.forward(world.receive(), world.officer)
    services.assign(dossier, world.head, world.specialist)
    services.request_supplement(
        dossier, world.specialist, [{"name": "Giấy đề nghị đăng ký doanh nghiệp"}], "Thiếu chữ ký"
    )
    api = ApiClient(client, world.officer.user.username)
    ok = api.get(f"/dossiers/{dossier.code}/forms/supplement_request.docx")
    assert ok.status_code == 200 and "Thiếu chữ ký" in _text(ok.content)
    # A 2018-regime dossier has no stop notice; an unknown kind names the known ones.
    assert api.get(f"/dossiers/{dossier.code}/forms/stop_notice.docx").status_code == 404
    unknown = api.get(f"/dossiers/{dossier.code}/forms/register.docx")
    assert unknown.status_code == 404 and "receipt" in unknown.json()["detail"]


def test_another_agencys_dossier_is_unknown(world, client, other_agency):
    from motcua.org.constants import Role
    from motcua.org.models import Unit
    from motcua.org.tests.factories import make_staff

    unit = Unit.objects.create(agency=other_agency, code="mot-cua", name="Một cửa", is_counter=True)
    stranger = make_staff("la", other_agency, unit, Role.COUNTER_OFFICER)
    dossier = world.receive()
    api = ApiClient(client, stranger.user.username)
    assert api.get(f"/dossiers/{dossier.code}/forms/receipt.docx").status_code == 404
