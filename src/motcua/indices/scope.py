"""What an index is computed over: a scope of dossiers (an agency, narrowed by unit, field,
procedure, officer or channel) and a period of whole days in Vietnam time."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Exists, OuterRef, QuerySet

from motcua.catalog.models import Field, Procedure
from motcua.dossiers.models import Dossier, DossierStep
from motcua.org.models import Agency, Staff, Unit

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True)
class Period:
    """The days `start` to `end`, both included."""

    start: date
    end: date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError("Ngày kết thúc phải không trước ngày bắt đầu.")

    @property
    def since(self) -> datetime:
        return datetime.combine(self.start, time(), VN)

    @property
    def until(self) -> datetime:
        """The first moment after the period (exclusive bound)."""
        return datetime.combine(self.end + timedelta(days=1), time(), VN)


@dataclass(frozen=True)
class Scope:
    """Dossiers of `agency`; a unit or an officer narrows to the dossiers with a step that
    unit or officer handled (a step reached, not one only planned)."""

    agency: Agency
    unit: Unit | None = None
    field: Field | None = None
    procedure: Procedure | None = None
    officer: Staff | None = None
    channel: str | None = None

    @property
    def narrowed(self) -> bool:
        """Narrower than the whole agency."""
        return any(
            v is not None and v != ""
            for v in (self.unit, self.field, self.procedure, self.officer, self.channel)
        )

    def dossiers(self) -> QuerySet:
        dossiers = Dossier.objects.filter(agency=self.agency)
        if self.unit is not None:
            dossiers = dossiers.filter(Exists(_handled_steps().filter(unit=self.unit)))
        if self.officer is not None:
            dossiers = dossiers.filter(Exists(_handled_steps().filter(assignee=self.officer)))
        if self.field is not None:
            dossiers = dossiers.filter(version__field=self.field)
        if self.procedure is not None:
            dossiers = dossiers.filter(procedure=self.procedure)
        if self.channel:
            dossiers = dossiers.filter(channel=self.channel)
        return dossiers


def _handled_steps() -> QuerySet:
    return DossierStep.objects.filter(dossier=OuterRef("pk"), started_at__isnull=False)
