"""Changes to the configuration that decides legal outcomes are recorded: who, when, before and
after, on the admin's history page of the row (issue #10, section 3)."""

from datetime import date
from decimal import Decimal

import pytest

from motcua.catalog.tests.factories import make_draft
from motcua.indices.constants import TargetKey
from motcua.indices.models import Target
from motcua.org.tests.admin_pages import page_data
from motcua.worktime.constants import DayKind
from motcua.worktime.models import CalendarDay


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator.user)
    return client


def change_and_read_history(admin_client, url, **changes):
    """Post the change page with `changes`, then return the newest history row and the page."""
    data = page_data(admin_client.get(url))
    data.update(changes)
    answer = admin_client.post(url, data)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    return admin_client.get(url.replace("/change/", "/history/"))


def newest_change(model, pk):
    record = model.history.filter(id=pk).order_by("-history_date", "-history_id")
    newest, previous = record[0], record[1]
    return newest, {
        change.field: (change.old, change.new) for change in newest.diff_against(previous).changes
    }


def test_a_holiday_changed_in_the_admin_is_recorded_with_who_and_before_after(
    admin_client, administrator, agency
):
    day = CalendarDay.objects.create(
        agency=agency,
        date=date(2026, 9, 1),
        kind=DayKind.DAY_OFF,
        name="Nghỉ lễ",
        source="Quyết định 1/QĐ-UBND",
    )
    url = f"/quan-tri/worktime/calendarday/{day.pk}/change/"
    page = change_and_read_history(admin_client, url, name="Nghỉ bù Quốc khánh")
    newest, changes = newest_change(CalendarDay, day.pk)
    assert newest.history_user == administrator.user
    assert changes == {"name": ("Nghỉ lễ", "Nghỉ bù Quốc khánh")}
    assert page.status_code == 200
    html = page.content.decode()
    assert "quantri" in html and "Nghỉ bù Quốc khánh" in html


def test_a_procedures_time_limit_changed_in_the_admin_is_recorded(
    admin_client, administrator, agency
):
    draft = make_draft(agency, local_code="X")
    url = f"/quan-tri/catalog/procedureversion/{draft.pk}/change/"
    page = change_and_read_history(admin_client, url, time_limit_value="5")
    newest, changes = newest_change(type(draft), draft.pk)
    assert newest.history_user == administrator.user
    assert changes["time_limit_value"] == (Decimal(3), Decimal(5))
    assert page.status_code == 200 and "quantri" in page.content.decode()


def test_a_target_changed_in_the_admin_is_recorded(admin_client, administrator, agency):
    target = Target.objects.create(
        agency=agency, year=2026, key=TargetKey.values[0], value=Decimal("90.00")
    )
    url = f"/quan-tri/indices/target/{target.pk}/change/"
    page = change_and_read_history(admin_client, url, value="95")
    newest, changes = newest_change(Target, target.pk)
    assert newest.history_user == administrator.user
    assert changes == {"value": (Decimal("90.00"), Decimal("95.00"))}
    assert page.status_code == 200 and "quantri" in page.content.decode()


def test_another_agencys_history_is_refused_and_no_version_is_written_back(
    admin_client, agency, other_agency
):
    """Reverting would write an old row around the services: the record only reads."""
    theirs = CalendarDay.objects.create(
        agency=other_agency, date=date(2026, 9, 2), kind=DayKind.DAY_OFF, name="Nghỉ của Sở khác"
    )
    assert (
        admin_client.get(f"/quan-tri/worktime/calendarday/{theirs.pk}/history/").status_code == 403
    )
    mine = CalendarDay.objects.create(
        agency=agency, date=date(2026, 9, 3), kind=DayKind.DAY_OFF, name="Nghỉ"
    )
    first = mine.history.get()
    url = f"/quan-tri/worktime/calendarday/{mine.pk}/history/{first.history_id}/"
    assert admin_client.get(url).status_code == 200
    data = {"agency": agency.pk, "date": "03/09/2026", "kind": DayKind.DAY_OFF, "name": "Khác"}
    assert admin_client.post(url, data).status_code == 403
    assert CalendarDay.objects.get(pk=mine.pk).name == "Nghỉ"


def test_a_fee_changed_inline_is_listed_on_its_versions_page(admin_client, administrator, agency):
    """Fees, documents and steps are edited inline on the version: their record is shown there."""
    from motcua.catalog import services

    draft = make_draft(agency, local_code="Y")
    fee = services.add_fee(draft, name="Lệ phí đăng ký", amount=50000)
    url = f"/quan-tri/catalog/procedureversion/{draft.pk}/change/"
    data = page_data(admin_client.get(url))
    prefix = next(
        key for key, value in data.items() if key.endswith("-id") and str(value) == str(fee.pk)
    )[:-3]
    data[f"{prefix}-amount"] = "100000"
    assert admin_client.post(url, data).status_code == 302
    fee.refresh_from_db()
    assert fee.amount == 100000
    page = admin_client.get(url).content.decode()
    assert "Lịch sử phí, giấy tờ, quy trình" in page
    assert "Sửa" in page and "Lệ phí đăng ký" in page and "50000 → 100000" in page
    assert administrator.user.get_full_name() in page
