"""Publishing: the internal process must add up to the legal time limit; retiring."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from motcua.catalog import services
from motcua.catalog.constants import TimeUnit, VersionStatus
from motcua.catalog.errors import CatalogError

from .factories import add_process, make_draft, make_published

pytestmark = pytest.mark.django_db
NEW_YEAR = date(2022, 1, 1)


def test_publish_freezes_the_draft_with_its_effective_date(agency):
    draft = make_draft(agency, local_code="X")
    add_process(draft, [4, 12, 4, 4])
    version = services.publish(draft, NEW_YEAR)
    version.refresh_from_db()
    assert (version.status, version.effective_from) == (VersionStatus.PUBLISHED, NEW_YEAR)
    assert version.published_at is not None


def test_publish_uses_the_planned_date_of_the_draft(agency):
    draft = make_draft(agency, local_code="X", effective_from=date(2023, 3, 1))
    add_process(draft, [24])
    assert services.publish(draft).effective_from == date(2023, 3, 1)


def test_publish_needs_a_date(agency):
    draft = make_draft(agency, local_code="X")
    add_process(draft, [24])
    with pytest.raises(CatalogError, match="ngày có hiệu lực"):
        services.publish(draft)


def test_unknown_time_limit_cannot_be_published(agency):
    draft = make_draft(agency, local_code="X", time_limit_value=None, time_limit_unit="")
    add_process(draft, [8])
    with pytest.raises(CatalogError, match="Chưa rõ thời hạn giải quyết"):
        services.publish(draft, NEW_YEAR)
    draft.refresh_from_db()
    assert draft.is_draft


def test_a_draft_without_process_cannot_be_published(agency):
    with pytest.raises(CatalogError, match="Chưa có quy trình nội bộ"):
        services.publish(make_draft(agency, local_code="X"), NEW_YEAR)


@pytest.mark.parametrize("steps, total", [([4, 8, 4, 4], "20"), ([4, 8, 4, 4, 4, "0.5"], "24,5")])
def test_steps_that_do_not_fill_the_limit_are_refused(agency, steps, total):
    draft = make_draft(agency, local_code="X")  # 3 working days
    add_process(draft, steps)
    with pytest.raises(CatalogError) as refused:
        services.publish(draft, NEW_YEAR)
    assert refused.value.message == (
        f"Tổng thời gian các bước của quy trình nội bộ là {total} giờ làm việc, không khớp "
        "thời hạn giải quyết 3 ngày làm việc (24 giờ làm việc)."
    )


def test_working_hour_limits_compare_in_hours(agency):
    draft = make_draft(
        agency, local_code="X", time_limit_value=Decimal(4), time_limit_unit=TimeUnit.WORKING_HOURS
    )
    add_process(draft, [1.5, 2.5])
    assert services.publish(draft, NEW_YEAR).status == VersionStatus.PUBLISHED


def test_fractional_working_days(agency):
    draft = make_draft(agency, local_code="X", time_limit_value=Decimal("10.5"))
    add_process(draft, [80, 4])
    assert services.publish(draft, NEW_YEAR).time_limit_display == "10,5 ngày làm việc"


def test_calendar_day_limits_use_the_working_days_they_surely_hold(agency):
    draft = make_draft(
        agency, local_code="X", time_limit_value=Decimal(15), time_limit_unit=TimeUnit.CALENDAR_DAYS
    )
    add_process(draft, [15 * 8])  # 15 calendar days are not 15 working days
    with pytest.raises(CatalogError, match="tức 10 ngày làm việc"):
        services.publish(draft, NEW_YEAR)
    services.remove_item(draft.steps.get())
    add_process(draft, [10 * 8])
    assert services.publish(draft, NEW_YEAR).status == VersionStatus.PUBLISHED


def test_a_later_version_must_take_effect_later(agency):
    first = make_published(agency, local_code="X", effective_from=NEW_YEAR)
    draft = services.new_draft_from(first)
    with pytest.raises(CatalogError, match="phải sau ngày 01/01/2022"):
        services.publish(draft, NEW_YEAR)
    assert services.publish(draft, date(2023, 1, 1)).number == 2


def test_only_drafts_are_published(agency):
    version = make_published(agency, local_code="X")
    with pytest.raises(CatalogError, match="không được sửa"):
        services.publish(version, date(2030, 1, 1))


@time_machine.travel(date(2024, 6, 1))
def test_retire_from_today_or_a_given_day(agency):
    first = make_published(agency, local_code="X")
    assert services.retire(first).retired_from == date(2024, 6, 1)
    second = make_published(agency, local_code="Y", effective_from=date(2024, 1, 1))
    retired = services.retire(second, date(2024, 9, 1))
    assert (retired.status, retired.retired_from) == (VersionStatus.RETIRED, date(2024, 9, 1))


def test_retire_refuses_drafts_retired_versions_and_dates_before_effect(agency):
    version = make_published(agency, local_code="X", effective_from=date(2023, 1, 1))
    with pytest.raises(CatalogError, match="Chỉ phiên bản đang công bố"):
        services.retire(services.new_draft_from(version))
    with pytest.raises(CatalogError, match="không được trước ngày có hiệu lực"):
        services.retire(version, date(2022, 12, 31))
    services.retire(version, date(2024, 1, 1))
    with pytest.raises(CatalogError, match="Chỉ phiên bản đang công bố"):
        services.retire(version, date(2024, 2, 1))
