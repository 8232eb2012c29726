"""Search that ignores Vietnamese marks and case, on SQLite and PostgreSQL alike."""

import pytest

from motcua.catalog import services
from motcua.catalog.constants import OnlineLevel
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.catalog.selectors import UNKNOWN, filter_catalogue, headline_versions, search

from .factories import FieldFactory, make_draft, make_published

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(agency):
    return {
        "private": make_published(
            agency, national_code="2.001610", name="Đăng ký thành lập doanh nghiệp tư nhân"
        ),
        "branch": make_draft(
            agency,
            local_code="SKHDT-06",
            name="Đăng ký hoạt động chi nhánh, văn phòng đại diện",
            online_level=OnlineLevel.FULL,
        ),
        "fund": make_published(
            agency, national_code="2.000024", name="Thông báo thành lập quỹ đầu tư khởi nghiệp"
        ),
    }


def names(versions):
    return sorted(v.name for v in versions)


@pytest.mark.parametrize(
    "query",
    ["dang ky doanh nghiep", "ĐĂNG KÝ DOANH NGHIỆP", "doanh   NGHIEP dang", "Đăng ký doanh nghiệp"],
)
def test_marks_case_and_word_order_do_not_matter(catalogue, query):
    assert names(search(ProcedureVersion.objects.all(), query)) == [catalogue["private"].name]


def test_every_word_must_match_somewhere(catalogue):
    assert names(search(ProcedureVersion.objects.all(), "thanh lap")) == names(
        [catalogue["private"], catalogue["fund"]]
    )
    assert not search(ProcedureVersion.objects.all(), "thanh lap chi nhanh").exists()


def test_codes_are_searched_too(catalogue):
    assert names(search(ProcedureVersion.objects.all(), "2.001610")) == [catalogue["private"].name]
    assert names(search(ProcedureVersion.objects.all(), "skhdt-06")) == [catalogue["branch"].name]


def test_punctuation_around_words_is_ignored(catalogue):
    found = search(ProcedureVersion.objects.all(), "“chi nhánh,” (văn phòng)")
    assert names(found) == [catalogue["branch"].name]


def test_empty_query_keeps_everything(catalogue):
    assert search(ProcedureVersion.objects.all(), "  ").count() == 3


def test_the_search_column_follows_edits(catalogue):
    draft = catalogue["branch"]
    services.edit_draft(draft, name="Thông báo lập địa điểm kinh doanh")
    assert names(search(ProcedureVersion.objects.all(), "dia diem")) == [
        "Thông báo lập địa điểm kinh doanh"
    ]


def test_filters_by_field_and_online_level(catalogue, agency):
    field = FieldFactory(agency=agency, name="Hỗ trợ doanh nghiệp nhỏ và vừa")
    services.edit_draft(catalogue["branch"], field=field)
    versions = headline_versions(Procedure.objects.all())
    assert names(filter_catalogue(versions, field_id=field.pk)) == [catalogue["branch"].name]
    assert names(filter_catalogue(versions, online_level=OnlineLevel.FULL)) == [
        catalogue["branch"].name
    ]
    assert names(filter_catalogue(versions, online_level=UNKNOWN)) == names(
        [catalogue["private"], catalogue["fund"]]
    )


def test_staff_lists_show_one_version_per_procedure(catalogue):
    newer = services.new_draft_from(catalogue["private"])
    services.edit_draft(newer, name="Đăng ký doanh nghiệp tư nhân (dự thảo)")
    headline = headline_versions(Procedure.objects.all())
    assert headline.count() == 3
    assert catalogue["private"] in headline  # the version in force, not the newer draft
