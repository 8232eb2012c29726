"""/chi-so/bang-diem/: the office imports, scores and attaches evidence; the director reads."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
import pytest

from motcua.core.testing.files import PDF
from motcua.indices.models import Scorecard, ScorecardEvidence
from motcua.indices.scorecards.demo import load_demo_scorecards
from motcua.org.constants import Role
from motcua.org.models import Unit
from motcua.org.tests.factories import make_staff

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def office(agency, counter_unit):
    return make_staff("vanphong", agency, counter_unit, Role.OFFICE)


def upload(rows):
    book = Workbook()
    book.active.append(["Mã", "Tên", "Điểm tối đa", "Điểm tự chấm"])
    for row in rows:
        book.active.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("tieu-chi.xlsx", buffer.getvalue(), content_type=XLSX)


def test_the_office_uploads_a_tree_or_sees_every_bad_row(client, office):
    client.force_login(office.user)
    bad = client.post(
        "/chi-so/bang-diem/nhap/",
        {"kind": "PAR", "year": 2022, "file": upload([["1", "A", 5, 6], ["1.1", "", 4, None]])},
    )
    html = bad.content.decode()
    assert bad.status_code == 400 and not Scorecard.objects.exists()
    assert "Dòng 2: điểm tự chấm 6 nằm ngoài khoảng 0 – 5" in html
    assert "Dòng 2: điểm tối đa của 1 là 5 nhưng tổng điểm tối đa các mục con là 4" in html
    assert "Dòng 3: thiếu tên" in html
    good = client.post(
        "/chi-so/bang-diem/nhap/",
        {"kind": "PAR", "year": 2022, "file": upload([["1", "A", 4, 3], ["1.1", "B", 4, 3]])},
    )
    scorecard = Scorecard.objects.get()
    assert good.status_code == 302 and good.url == f"/chi-so/bang-diem/{scorecard.pk}/"
    assert "Đã nhập" in client.get(good.url).content.decode()


def test_the_office_scores_a_node_and_attaches_evidence(client, office, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_demo_scorecards(office.agency)
    node = Scorecard.objects.get(kind="PAR", year=2022).nodes.get(code="1.1")
    client.force_login(office.user)
    url = f"/chi-so/bang-diem/muc/{node.pk}/"
    refused = client.post(url, {"self_score": "4,5", "self_note": ""})
    assert refused.status_code == 400 and "Điểm phải từ 0 đến 4." in refused.content.decode()
    saved = client.post(
        url,
        {
            "self_score": "3,75",
            "self_note": "Đã ban hành đúng hạn",
            "files": [SimpleUploadedFile("kh.pdf", PDF)],
        },
    )
    assert saved.status_code == 302
    node.refresh_from_db()
    assert str(node.self_score) == "3.75" and node.self_note == "Đã ban hành đúng hạn"
    evidence = ScorecardEvidence.objects.get(node=node)
    assert evidence.name == "kh.pdf" and evidence.uploaded_by == office
    download = client.get(f"/chi-so/bang-diem/tai-lieu/{evidence.pk}/")
    assert b"".join(download.streaming_content) == PDF


def test_the_director_reads_but_does_not_score(client, agency, counter_unit):
    director = make_staff("giamdoc", agency, counter_unit, Role.DIRECTOR)
    load_demo_scorecards(agency)
    scorecard = Scorecard.objects.get(kind="PCI", year=2022)
    client.force_login(director.user)
    assert client.get("/chi-so/bang-diem/").status_code == 200
    compared = client.get(f"/chi-so/bang-diem/{scorecard.pk}/so-sanh/").content.decode()
    assert "Chưa đạt mục tiêu của kế hoạch" in compared and "hạng 28" in compared
    node = scorecard.nodes.first()
    assert client.post(f"/chi-so/bang-diem/muc/{node.pk}/", {"rank": 1}).status_code == 403
    assert client.get("/chi-so/bang-diem/nhap/").status_code == 403


def test_other_roles_and_agencies_see_nothing(client, agency, other_agency, counter_unit):
    load_demo_scorecards(agency)
    scorecard = Scorecard.objects.filter(agency=agency).first()
    specialist = make_staff("chuyenvien", agency, counter_unit, Role.SPECIALIST)
    client.force_login(specialist.user)
    assert client.get("/chi-so/bang-diem/").status_code == 403
    unit = Unit.objects.create(agency=other_agency, code="vp", name="Văn phòng")
    stranger = make_staff("sotaichinh", other_agency, unit, Role.OFFICE)
    client.force_login(stranger.user)
    assert client.get(f"/chi-so/bang-diem/{scorecard.pk}/").status_code == 404
    assert "Chưa có bộ chỉ số nào" in client.get("/chi-so/bang-diem/").content.decode()


def test_evidence_that_is_not_a_document_is_refused(client, office, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_demo_scorecards(office.agency)
    node = Scorecard.objects.get(kind="PAR", year=2022).nodes.get(code="1.1")
    client.force_login(office.user)
    refused = client.post(
        f"/chi-so/bang-diem/muc/{node.pk}/",
        {
            "self_score": "3",
            "self_note": "Có minh chứng",
            "files": [SimpleUploadedFile("minh-chung.pdf", b"<html>not a pdf</html>")],
        },
    )
    html = refused.content.decode()
    assert refused.status_code == 400
    assert "Nội dung tệp «minh-chung.pdf» không khớp với định dạng .pdf" in html
    assert "Có minh chứng" in html  # what was typed is kept
    assert not ScorecardEvidence.objects.exists()
