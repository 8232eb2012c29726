from django.urls import reverse

from motcua.org.constants import Role
from motcua.org.tests.factories import PASSWORD, make_staff


def test_sign_in_page_is_vietnamese(client, db):
    page = client.get(reverse("org:login"))
    assert page.status_code == 200
    assert "Đăng nhập cán bộ" in page.content.decode()
    assert 'lang="vi"' in page.content.decode()


def test_wrong_password_gives_a_vietnamese_error(client, agency, counter_unit):
    make_staff("motcua", agency, counter_unit, Role.COUNTER_OFFICER)
    page = client.post(reverse("org:login"), {"username": "motcua", "password": "sai"})
    assert page.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in page.content.decode()


def test_staff_home_shows_agency_unit_and_roles(client, agency, counter_unit):
    make_staff("motcua", agency, counter_unit, Role.COUNTER_OFFICER, full_name="Võ Thị Mai")
    response = client.post(
        reverse("org:login"), {"username": "motcua", "password": PASSWORD}, follow=True
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("org:home")
    assert "Võ Thị Mai" in html
    assert "Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa" in html
    assert "Cán bộ Một cửa" in html


def test_staff_home_requires_sign_in(client, db):
    response = client.get(reverse("org:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("org:login"))


def test_welcome_page_lists_the_agencies(client, agency):
    html = client.get("/").content.decode()
    assert "Một cửa" in html and agency.name in html
