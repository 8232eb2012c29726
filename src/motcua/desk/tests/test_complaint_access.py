"""A complaint is seen and handled by its assigned unit, the office and the director only: the
officer it names and colleagues of other units neither read the complainant's contacts nor act
on it. The officer's record keeps the findings, without the complainant."""

from django.urls import reverse
import pytest

from motcua.desk import services
from motcua.desk.constants import ComplaintOutcome, ComplaintState
from motcua.desk.errors import DeskError
from motcua.org.tests.cast import make_cast

from .conftest import complain

CONTACTS = ("Lê Thị Cúc", "cuc@example.vn", "0905123456")


@pytest.fixture
def cast(world, other_agency):
    return make_cast(world.agency, other_agency)


@pytest.fixture
def complaint(world, cast):
    """Assigned to the unit `dkkd`, naming its specialist."""
    complaint = complain(world)
    return services.assign_complaint(complaint, world.office, cast.unit, officer=cast["specialist"])


def _as(client, staff):
    client.force_login(staff.user)
    return client


def _url(complaint, action=""):
    return reverse(f"desk:complaint_{action or 'detail'}", args=[complaint.code])


@pytest.mark.parametrize("who", ["specialist", "other_unit_specialist", "counter_officer"])
def test_the_named_officer_and_other_units_cannot_open_it_nor_read_the_contacts(
    client, cast, complaint, who
):
    response = _as(client, cast[who]).get(_url(complaint))
    assert response.status_code == 403
    assert not any(contact in response.content.decode() for contact in CONTACTS)


@pytest.mark.parametrize("who", ["specialist", "other_unit_unit_head"])
def test_they_do_not_find_it_in_the_list_nor_through_the_unit_filter(client, cast, complaint, who):
    _as(client, cast[who])
    assert complaint.code not in client.get(reverse("desk:complaints")).content.decode()
    filtered = client.get(reverse("desk:complaints"), {"don_vi": cast.unit.pk})
    assert complaint.code not in filtered.content.decode()


@pytest.mark.parametrize("who", ["specialist", "other_unit_specialist"])
def test_the_named_officer_and_other_units_cannot_close_it(client, world, cast, complaint, who):
    services.answer_complaint(complaint, world.office, "Đã xác minh.", ComplaintOutcome.PARTLY)
    assert _as(client, cast[who]).post(_url(complaint, "close")).status_code == 403
    with pytest.raises(DeskError):
        services.close_complaint(complaint, cast[who])
    complaint.refresh_from_db()
    assert complaint.state == ComplaintState.ANSWERED


def test_the_named_officer_cannot_send_it_elsewhere_nor_answer_it(client, cast, complaint):
    _as(client, cast["specialist"])
    moved = client.post(_url(complaint, "assign"), {"unit": cast.other_unit.pk})
    answered = client.post(
        _url(complaint, "answer"), {"answer": "Tôi không sai.", "outcome": "unfounded"}
    )
    assert (moved.status_code, answered.status_code) == (403, 403)
    with pytest.raises(DeskError, match="không tự xử lý"):
        services.answer_complaint(complaint, cast["specialist"], "Không sai", "unfounded")
    complaint.refresh_from_db()
    assert complaint.unit == cast.unit and complaint.answered_at is None


def test_the_assigned_unit_the_office_and_the_director_open_it(client, cast, complaint):
    for who in ("unit_head", "office", "director"):
        page = _as(client, cast[who]).get(_url(complaint)).content.decode()
        assert all(contact in page for contact in CONTACTS), who


def test_the_officers_record_lists_the_finding_without_the_complainant(
    client, world, cast, complaint
):
    services.answer_complaint(complaint, world.office, "Đúng một phần.", ComplaintOutcome.PARTLY)
    page = (
        _as(client, cast["specialist"])
        .get(reverse("desk:officer_record", args=[cast["specialist"].pk]))
        .content.decode()
    )
    assert complaint.code in page and "Đúng một phần: <strong>1</strong>" in page
    assert _url(complaint) not in page
    assert not any(contact in page for contact in CONTACTS)


def test_a_counter_officer_who_types_a_complaint_in_is_not_sent_to_its_page(client, cast):
    _as(client, cast["counter_officer"])
    response = client.post(
        reverse("desk:complaint_entry"),
        {
            "channel": "counter",
            "kind": "feedback",
            "name": "Lê Văn Tư",
            "phone": "0905000999",
            "email": "",
            "subject": "Cán bộ gắt gỏng",
            "body": "Ở quầy số 2.",
            "dossier_code": "",
            "officer": "",
        },
    )
    assert response.status_code == 302 and response.url == reverse("desk:complaint_entry")


def _admin(client, staff):
    staff.user.is_staff = True
    staff.user.save()
    return _as(client, staff)


def test_the_admin_shows_a_complaint_only_to_those_its_pages_show_it_to(client, cast, complaint):
    """The agency's administrator holds the desk's admin permissions but is not of the desk: the
    admin neither lists the complaint nor opens its contacts for them."""
    cast["administrator"].unit = cast.other_unit  # the administrator works in another unit
    cast["administrator"].save()
    change = reverse("admin:desk_complaint_change", args=[complaint.pk])
    listing = reverse("admin:desk_complaint_changelist")
    administrator = _admin(client, cast["administrator"])
    assert complaint.code not in administrator.get(listing).content.decode()
    assert administrator.get(change).status_code == 302  # the admin's "does not exist"
    office = _admin(client, cast["office"])
    assert CONTACTS[1] in office.get(change).content.decode()
