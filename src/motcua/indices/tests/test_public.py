"""The public page of an agency's published indices: no login, aggregate figures, no names."""

import time_machine

from motcua.dossiers.tests.conftest import vn


def test_anyone_sees_the_agency_figures_without_names(month, client):
    with time_machine.travel(vn(2024, 4, 1, 8, 0), tick=False):
        response = client.get(f"/chi-so/cong-khai/{month.world.agency.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kết quả giải quyết thủ tục hành chính của Sở Kế hoạch và Đầu tư" in html
    # Since 01/01/2024: 14 received (N in February), on time 7 of 9, online 3 of 14.
    assert '<dd class="fs-3 mb-0">14</dd>' in html
    assert "77,78 %" in html and "21,43 %" in html
    assert html.count('<svg class="chart-svg"') == 3
    assert "Tỷ lệ hài lòng trong giải quyết TTHC" in html
    for name in ("Ngô Thị Hồng", "Bùi Văn Long", "Võ Thị Mai", "Phòng Đăng ký kinh doanh"):
        assert name not in html
    for dossier in month.dossiers.values():
        assert dossier.code not in html and dossier.applicant_name not in html


def test_an_unknown_agency_is_not_found(db, client):
    assert client.get("/chi-so/cong-khai/000.00.99.H99/").status_code == 404
