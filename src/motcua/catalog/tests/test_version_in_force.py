"""Which version is in force on a day: the rule the dossier lifecycle binds dossiers by."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from motcua.catalog import services
from motcua.catalog.selectors import version_in_force, version_state, versions_in_force

from .factories import make_draft, make_published

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def history(agency):
    """v1 from 01/01/2022, v2 from 01/01/2024, v3 still a draft."""
    v1 = make_published(agency, local_code="X", effective_from=date(2022, 1, 1))
    v2 = services.publish(services.new_draft_from(v1), date(2024, 1, 1))
    v3 = services.new_draft_from(v2)
    return v1, v2, v3


def test_the_latest_effective_version_on_or_before_the_day(history):
    v1, v2, _ = history
    procedure = v1.procedure
    assert version_in_force(procedure, date(2021, 12, 31)) is None
    assert version_in_force(procedure, date(2022, 1, 1)) == v1
    assert version_in_force(procedure, date(2023, 12, 31)) == v1
    assert version_in_force(procedure, date(2024, 1, 1)) == v2
    assert version_in_force(procedure, date(2030, 1, 1)) == v2  # drafts are never in force


def test_a_moment_counts_by_its_day_in_vietnam(history):
    v1, v2, _ = history
    # 17:30 UTC on 31/12/2023 is already 00:30 on 01/01/2024 in Vietnam.
    utc_evening = datetime(2023, 12, 31, 17, 30, tzinfo=UTC)
    assert version_in_force(v1.procedure, utc_evening) == v2
    assert version_in_force(v1.procedure, datetime(2023, 12, 31, 23, 59, tzinfo=VN)) == v1


def test_today_by_default(history):
    v1, v2, _ = history
    with time_machine.travel(datetime(2023, 6, 1, 9, tzinfo=VN)):
        assert version_in_force(v1.procedure) == v1
    with time_machine.travel(datetime(2024, 6, 1, 9, tzinfo=VN)):
        assert version_in_force(v1.procedure) == v2


def test_retiring_ends_the_procedure_without_reviving_the_older_version(history):
    v1, v2, _ = history
    services.retire(v2, date(2025, 7, 1))
    procedure = v1.procedure
    assert version_in_force(procedure, date(2025, 6, 30)) == v2
    assert version_in_force(procedure, date(2025, 7, 1)) is None
    assert version_in_force(procedure, date(2023, 1, 1)) == v1  # history unchanged


def test_the_one_query_form_agrees_day_by_day(history, agency):
    v1, v2, _ = history
    services.retire(v2, date(2025, 7, 1))
    other = make_published(agency, local_code="Y", effective_from=date(2023, 5, 5))
    make_draft(agency, local_code="Z")
    procedures = [v1.procedure, other.procedure]
    day = date(2021, 12, 30)
    while day < date(2026, 1, 1):
        expected = {p.pk: version_in_force(p, day) for p in procedures}
        found = {v.procedure_id: v for v in versions_in_force(day)}
        assert found == {pk: v for pk, v in expected.items() if v is not None}, day
        day += timedelta(days=97)


def test_states_in_words(history):
    v1, v2, v3 = history
    day = date(2024, 6, 1)
    assert [version_state(v, day) for v in (v1, v2, v3)] == [
        "Đã được thay thế",
        "Đang có hiệu lực",
        "Bản nháp",
    ]
    assert version_state(v2, date(2023, 6, 1)) == "Chưa đến ngày hiệu lực"
    services.retire(v2, date(2024, 7, 1))
    v2.refresh_from_db()
    assert version_state(v2, date(2024, 7, 1)) == "Hết hiệu lực"
