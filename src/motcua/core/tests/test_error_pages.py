from motcua.org.constants import Role
from motcua.org.tests.factories import make_staff


def test_refusals_and_unknown_pages_are_in_vietnamese(client, agency, counter_unit, settings):
    settings.DEBUG = False
    officer = make_staff("motcua", agency, counter_unit, Role.COUNTER_OFFICER)
    client.force_login(officer.user)
    refused = client.get("/chi-so/")
    assert refused.status_code == 403
    assert "Bạn không có quyền mở trang này" in refused.content.decode()
    assert "Chỉ Văn phòng và lãnh đạo được xem chỉ số." in refused.content.decode()
    missing = client.get("/ho-so/000.00.17.H34-240304-9999/")
    assert missing.status_code == 404 and "Không tìm thấy trang" in missing.content.decode()
