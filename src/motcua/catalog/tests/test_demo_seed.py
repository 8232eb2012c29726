"""The demo catalogue loaded from the 35 real procedures of the data file."""

from datetime import date
from decimal import Decimal
import json

import pytest

from motcua.catalog.constants import OnlineLevel, Requirement, TimeUnit, VersionStatus
from motcua.catalog.errors import CatalogError
from motcua.catalog.models import Fee, Field, Procedure, ProcedureVersion, ProcessStep
from motcua.catalog.selectors import version_in_force
from motcua.demo.catalog_seed import DATA_FILE, load_demo_catalog

from .factories import AgencyFactory

pytestmark = pytest.mark.django_db
ENTRIES = json.loads(DATA_FILE.read_text(encoding="utf-8"))["procedures"]


@pytest.fixture
def loaded(demo_agency):
    first = load_demo_catalog(demo_agency)
    second = load_demo_catalog(demo_agency)
    return demo_agency, first, second


def version(agency, code):
    return ProcedureVersion.objects.get(procedure__agency=agency, procedure__local_code=code)


def test_twice_creates_every_procedure_once(loaded):
    agency, first, second = loaded
    assert first == second == len(ENTRIES) == 35
    assert Procedure.objects.filter(agency=agency).count() == 35
    assert ProcedureVersion.objects.filter(procedure__agency=agency).count() == 35
    assert Field.objects.filter(agency=agency).count() == len({e["field"] for e in ENTRIES})
    fee_count = sum(len(e["fees"] or []) for e in ENTRIES)
    assert Fee.objects.filter(version__procedure__agency=agency).count() == fee_count


def test_known_limits_are_published_and_unknown_ones_stay_drafts(loaded):
    agency = loaded[0]
    unknown = {e["national_code"] for e in ENTRIES if e["time_limit"] is None}
    versions = ProcedureVersion.objects.filter(procedure__agency=agency)
    drafts = {v.procedure.national_code for v in versions if v.status == VersionStatus.DRAFT}
    assert drafts == unknown and len(drafts) == 3
    for v in versions.exclude(status=VersionStatus.DRAFT):
        assert v.effective_from == date(2022, 1, 1)
        assert sum(s.hours for s in v.steps.all()) == v.time_limit_hours


def test_private_enterprise_registration(loaded):
    agency = loaded[0]
    v = version(agency, "2.001610")
    assert version_in_force(v.procedure, date(2023, 5, 1)) == v
    assert (v.time_limit_value, v.time_limit_unit) == (Decimal(3), TimeUnit.WORKING_DAYS)
    assert v.field.name == "Thành lập và hoạt động của doanh nghiệp"
    assert v.online_level is None and v.level == "province"
    assert (v.name, v.notes) == (ENTRIES[0]["name"], ENTRIES[0]["notes"])
    assert [(f.name, f.amount) for f in v.fees.all()][0] == ("Lệ phí đăng ký doanh nghiệp", 50000)
    assert v.legal_basis_lines[0] == "Luật Doanh nghiệp số 59/2020/QH14"
    assert len(v.source_lines) == 5
    documents = list(v.documents.all())
    assert len(documents) == 4 and documents[0].originals is None
    assert documents[2].requirement == Requirement.CONDITIONAL
    assert documents[2].condition.startswith("Chỉ khi ủy quyền")
    steps = [(s.unit.code if s.unit else None, s.role, s.hours) for s in v.steps.all()]
    assert steps == [
        ("mot-cua", "counter_officer", 4),
        ("dang-ky-kinh-doanh", "specialist", 8),
        ("dang-ky-kinh-doanh", "unit_head", 4),
        (None, "director", 4),
        ("mot-cua", "counter_officer", 4),
    ]


def test_online_levels_and_handling_units(loaded):
    agency = loaded[0]
    fund = version(agency, "2.000024")  # Toàn trình, 15 working days
    assert fund.online_level == OnlineLevel.FULL
    assert fund.steps.get(role="specialist").unit.code == "xuc-tien-dau-tu"
    investment = version(agency, "1.009645")  # Mức độ 3, 35 working days
    assert investment.online_level == OnlineLevel.PARTIAL
    assert investment.steps.get(role="specialist").unit.code == "kinh-te-doi-ngoai"
    assert sum(s.hours for s in investment.steps.all()) == 35 * 8


def test_null_values_stay_null(loaded):
    agency = loaded[0]
    unknown_codes = [n for n, e in enumerate(ENTRIES, start=1) if e["national_code"] is None]
    assert len(unknown_codes) == 8
    for n in unknown_codes:
        procedure = Procedure.objects.get(agency=agency, local_code=f"SKHDT-{n:02d}")
        assert procedure.national_code is None
        assert procedure.versions.get().name == ENTRIES[n - 1]["name"].strip()
    dissolution = version(agency, "2.002023")  # no known time limit
    assert dissolution.time_limit_value is None and dissolution.is_draft
    assert not dissolution.steps.exists()
    no_fees = version(agency, "2.002032")
    assert not no_fees.fees.exists()
    calendar = version(agency, f"SKHDT-{34:02d}")  # 15 calendar days
    assert calendar.time_limit_unit == TimeUnit.CALENDAR_DAYS
    assert sum(s.hours for s in calendar.steps.all()) == 80


def test_the_agency_needs_its_units(db):
    with pytest.raises(CatalogError, match="mot-cua"):
        load_demo_catalog(AgencyFactory())
    assert not ProcessStep.objects.exists() and not Procedure.objects.exists()
