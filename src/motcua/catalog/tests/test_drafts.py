"""Drafts: creation, the codes that address a procedure, and editing only drafts."""

from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
import pytest

from motcua.catalog import services
from motcua.catalog.constants import OnlineLevel, Requirement, SupplementClock, VersionStatus
from motcua.catalog.errors import CatalogError
from motcua.catalog.models import Procedure

from .factories import FieldFactory, UnitFactory, add_process, make_draft, make_published

pytestmark = pytest.mark.django_db


def rows(version, related, fields):
    return [tuple(getattr(i, f) for f in fields) for i in getattr(version, related).all()]


def test_a_new_procedure_starts_as_draft_version_one(agency):
    draft = make_draft(agency, national_code="2.001610")
    assert (draft.number, draft.status) == (1, VersionStatus.DRAFT)
    assert draft.procedure.local_code == "2.001610"  # the national code addresses it too


def test_unknown_national_codes_stay_null_and_do_not_collide(agency):
    first = make_draft(agency, local_code="SKHDT-01")
    second = make_draft(agency, local_code="SKHDT-02")
    assert first.procedure.national_code is None and second.procedure.national_code is None
    assert Procedure.objects.filter(agency=agency, national_code__isnull=True).count() == 2


def test_codes_are_unique_within_an_agency_only(agency):
    make_draft(agency, national_code="2.001610")
    with pytest.raises(CatalogError, match="2.001610"):
        make_draft(agency, national_code="2.001610", local_code="KHAC")
    with pytest.raises(CatalogError, match="mã nội bộ"):
        make_draft(agency, local_code="2.001610")
    other = make_draft(national_code="2.001610")  # another agency
    assert other.procedure.agency != agency


def test_a_procedure_needs_a_code(agency):
    with pytest.raises(CatalogError, match="mã nội bộ hoặc mã thủ tục quốc gia"):
        make_draft(agency, national_code="  ")


def test_edit_draft_changes_content(agency):
    draft = make_draft(agency, local_code="X")
    field = FieldFactory(agency=agency)
    services.edit_draft(
        draft,
        name="Tên mới",
        field=field,
        online_level=OnlineLevel.FULL,
        supplement_clock=SupplementClock.CONTINUE,
        after_15h_next_day=True,
    )
    draft.refresh_from_db()
    assert (draft.name, draft.field, draft.online_level) == ("Tên mới", field, OnlineLevel.FULL)
    assert draft.supplement_clock == SupplementClock.CONTINUE and draft.after_15h_next_day


def test_time_limit_needs_value_and_unit_together(agency):
    draft = make_draft(agency, local_code="X")
    with pytest.raises(CatalogError, match="cả số và đơn vị"):
        services.edit_draft(draft, time_limit_unit="")
    services.edit_draft(draft, time_limit_value=None, time_limit_unit="")
    draft.refresh_from_db()
    assert draft.time_limit_value is None and draft.time_limit_display == "Chưa rõ"


def test_field_and_units_must_belong_to_the_procedures_agency(agency):
    draft = make_draft(agency, local_code="X")
    with pytest.raises(CatalogError, match="Lĩnh vực"):
        services.edit_draft(draft, field=FieldFactory())
    with pytest.raises(CatalogError, match="Đơn vị"):
        services.add_step(draft, name="Thẩm định", hours=8, unit=UnitFactory())


def test_published_versions_refuse_every_change(agency):
    version = make_published(agency, local_code="X")
    fee = services.add_fee(services.new_draft_from(version), name="Lệ phí", amount=50000)
    with pytest.raises(CatalogError, match="đã công bố"):
        services.edit_draft(version, name="Sửa lịch sử")
    with pytest.raises(CatalogError, match="đã công bố"):
        services.add_fee(version, name="Phí mới", amount=1)
    with pytest.raises(CatalogError, match="đã công bố"):
        services.remove_item(version.steps.get())
    step = version.steps.get()
    step.hours = Decimal(1)
    with pytest.raises(CatalogError):  # even a direct save is refused
        step.save()
    version.refresh_from_db()
    assert version.name != "Sửa lịch sử" and fee.version != version


def test_one_draft_at_a_time(agency):
    version = make_published(agency, local_code="X")
    services.new_draft_from(version)
    with pytest.raises(CatalogError, match="đang có bản nháp"):
        services.new_draft_from(version)
    with pytest.raises(CatalogError, match="đang có bản nháp"):
        services.create_draft(version.procedure, name="Khác")


def test_new_draft_from_published_copies_everything(agency):
    unit = UnitFactory(agency=agency)
    field = FieldFactory(agency=agency)
    draft = make_draft(
        agency,
        local_code="X",
        field=field,
        result="Giấy chứng nhận",
        legal_basis="Luật A\nLuật B",
        online_level=OnlineLevel.PARTIAL,
        after_15h_next_day=True,
        sources="nguồn",
        notes="ghi chú",
    )
    services.add_fee(draft, name="Lệ phí", amount=50000, note="mỗi lần")
    document = services.add_document(
        draft,
        name="Giấy đề nghị",
        originals=1,
        copies=0,
        requirement=Requirement.CONDITIONAL,
        condition="Khi ủy quyền",
        note="Mẫu A",
        template=ContentFile(b"mau", name="mau.docx"),
    )
    add_process(draft, [8, 16], unit=unit)
    published = services.publish(draft, date(2022, 1, 1))

    copy = services.new_draft_from(published)

    assert (copy.number, copy.status, copy.effective_from) == (2, VersionStatus.DRAFT, None)
    for name in services.CONTENT_FIELDS:
        assert getattr(copy, name) == getattr(published, name), name
    assert rows(copy, "fees", ["name", "amount", "note"]) == [("Lệ phí", 50000, "mỗi lần")]
    doc_fields = ["name", "originals", "copies", "requirement", "condition", "note", "template"]
    assert rows(copy, "documents", doc_fields) == rows(published, "documents", doc_fields)
    assert copy.documents.get().template.name == document.template.name
    step_fields = ["position", "name", "unit", "role", "hours"]
    assert rows(copy, "steps", step_fields) == rows(published, "steps", step_fields)
    assert copy.steps.count() == 2
    # The copy is independent: editing it leaves the published version as it was.
    services.edit_draft(copy, name="Tên sửa đổi")
    services.remove_item(copy.fees.get())
    published.refresh_from_db()
    assert published.name != "Tên sửa đổi" and published.fees.count() == 1


def test_remove_item_from_a_draft(agency):
    draft = make_draft(agency, local_code="X")
    first = services.add_fee(draft, name="A", amount=1)
    services.add_fee(draft, name="B", amount=2)
    services.remove_item(first)
    assert [f.name for f in draft.fees.all()] == ["B"]
    assert services.add_fee(draft, name="C").position == 3
