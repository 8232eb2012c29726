"""The worklist page: the tabs of the user's roles with their counts, the most urgent first,
the due-soon and overdue badges, the filters, the search and the pages of 50."""

from django.urls import reverse
import time_machine

from motcua.catalog.models import Field
from motcua.dossiers import services
from motcua.dossiers.constants import Channel, State, Worklist
from motcua.dossiers.services import ApplicantData
from motcua.org.constants import Role
from motcua.org.models import Agency, Unit
from motcua.org.tests.factories import make_staff

from .conftest import vn

URL = reverse("dossiers:worklist")


def codes(response) -> list[str]:
    return [dossier.code for dossier, _ in response.context["rows"]]


def test_signed_out_users_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith(reverse("org:login"))


def test_a_user_outside_any_agency_is_refused(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", password="x"))
    assert client.get(URL).status_code == 403


def test_tabs_follow_the_roles_with_their_counts(client, world):
    for at in (vn(2024, 3, 4, 9, 0), vn(2024, 3, 4, 10, 0)):
        services.forward(world.receive(at=at), world.officer, at=at)
    client.force_login(world.head.user)
    response = client.get(URL)
    tabs = dict(response.context["tabs"])
    assert list(tabs) == [
        Worklist.MY_STEPS,
        Worklist.TO_ASSIGN,
        Worklist.TO_SIGN,
        Worklist.CONSULTING,
        Worklist.ALL_OPEN,
    ]
    assert tabs[Worklist.TO_ASSIGN] == 2 and tabs[Worklist.MY_STEPS] == 0
    html = response.content.decode()
    assert "Chờ phân công" in html and "Chờ tiếp nhận (trực tuyến)" not in html
    assert response.context["current"] == Worklist.MY_STEPS
    response = client.get(URL, {"ds": "to_assign"})
    assert len(codes(response)) == 2


def test_the_most_urgent_comes_first_with_its_badge(client, world):
    overdue = world.receive(at=vn(2024, 2, 26, 9, 0))  # due 29/02 09:00
    due_soon = world.receive(at=vn(2024, 3, 4, 9, 0))  # due 07/03 09:00
    within = world.receive(at=vn(2024, 3, 6, 9, 0))  # due 11/03 09:00
    client.force_login(world.officer.user)
    with time_machine.travel(vn(2024, 3, 6, 15, 0), tick=False):
        response = client.get(URL, {"ds": "all_open"})
    assert codes(response) == [overdue.code, due_soon.code, within.code]
    assert [t for _, t in response.context["rows"]] == ["overdue", "due_soon", "within"]
    html = response.content.decode()
    assert '<span class="badge text-bg-danger">Quá hạn</span>' in html
    assert '<span class="badge text-bg-warning">Sắp đến hạn</span>' in html


def test_filters_and_search_without_diacritics(client, world):
    hoa = world.receive()
    lan = world.receive(applicant=ApplicantData(name="Trần Văn Lân", phone="0987654321"))
    posted = services.receive(
        world.officer,
        world.procedure,
        world.intake(),
        channel=Channel.POST,
        at=vn(2024, 3, 4, 10, 0),
    )
    services.forward(lan, world.officer)
    client.force_login(world.officer.user)

    def search(**query):
        return codes(client.get(URL, {"ds": "all_open", **query}))

    assert search(q="tran van lan") == [lan.code]
    assert search(q="0987654321") == [lan.code]
    assert search(q=hoa.code) == [hoa.code]
    assert search(state=State.PROCESSING) == [lan.code]
    assert search(unit=world.business.pk) == [lan.code]
    assert search(channel=Channel.POST) == [posted.code]
    assert search(procedure=world.procedure.pk, q="hoa") == [hoa.code, posted.code]
    field = Field.objects.create(agency=world.agency, name="Thành lập và hoạt động doanh nghiệp")
    assert search(field=field.pk) == []
    response = client.get(URL, {"ds": "all_open", "state": "khong-co"})
    assert "Bộ lọc không hợp lệ" in response.content.decode()
    assert len(codes(response)) == 3


def test_pages_of_fifty(client, world):
    for _ in range(51):
        world.receive()
    client.force_login(world.officer.user)
    first = client.get(URL, {"ds": "all_open"})
    assert len(codes(first)) == 50 and dict(first.context["tabs"])[Worklist.ALL_OPEN] == 51
    assert len(codes(client.get(URL, {"ds": "all_open", "page": 2}))) == 1


def test_only_the_users_agency(client, world):
    world.receive()
    agency = Agency.objects.create(code="000.00.18.H34", name="Sở Tài chính", level="department")
    unit = Unit.objects.create(agency=agency, code="mot-cua", name="Một cửa", is_counter=True)
    client.force_login(make_staff("nguoila", agency, unit, Role.COUNTER_OFFICER).user)
    response = client.get(URL, {"ds": "all_open"})
    assert codes(response) == []
    assert all(count == 0 for _, count in response.context["tabs"])


def test_tab_counts_stop_at_the_limit(client, world, monkeypatch):
    from motcua.dossiers import views

    monkeypatch.setattr(views, "COUNT_LIMIT", 2)
    for hour in (8, 9, 10):
        world.receive(at=vn(2024, 3, 4, hour, 0))
    client.force_login(world.officer.user)
    response = client.get("/ho-so/?ds=my_steps")
    html = response.content.decode()
    assert dict(response.context["tabs"])["my_steps"] == 3  # counted up to the limit + 1
    assert "2+</span>" in html and "Hơn 2 hồ sơ" in html
    assert len(response.context["rows"]) == 3  # the page itself is not cut
