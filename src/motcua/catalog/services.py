"""The catalogue's commands. Each is one transaction and refuses with a CatalogError.

Versions move draft → published → retired. Only drafts change; a published version is frozen
because dossiers are bound to it, so a change to a procedure is a new draft copied from it.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from motcua.org.models import Agency, Unit

from .constants import FeeChannel, Requirement, TimeUnit, VersionStatus
from .durations import format_number, working_days_within
from .errors import CatalogError
from .models import Fee, Field, Procedure, ProcedureVersion, ProcessStep, RequiredDocument

# The version fields a draft may change (and a new draft copies).
CONTENT_FIELDS = (
    "name",
    "field",
    "level",
    "online_level",
    "time_limit_value",
    "time_limit_unit",
    "result",
    "legal_basis",
    "conditions",
    "submission",
    "applicants",
    "after_15h_next_day",
    "supplement_clock",
    "sources",
    "notes",
)
EDITABLE_FIELDS = frozenset(CONTENT_FIELDS) | {"effective_from"}


def _validated(obj, exclude=None):
    """Run the model's validation and turn its messages into one CatalogError."""
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as exc:
        problems = []
        for name, messages in exc.message_dict.items():
            label = name if name == "__all__" else obj._meta.get_field(name).verbose_name
            for message in messages:
                problems.append(message if name == "__all__" else f"{label}: {message}")
        raise CatalogError("; ".join(problems)) from exc
    return obj


def _lock_procedure(procedure: Procedure) -> Procedure:
    """Lock the procedure row: version numbers and publication are decided one at a time."""
    return Procedure.objects.select_for_update().get(pk=procedure.pk)


def _locked_draft(version: ProcedureVersion) -> ProcedureVersion:
    _lock_procedure(version.procedure)
    current = ProcedureVersion.objects.select_related("procedure").get(pk=version.pk)
    if not current.is_draft:
        raise CatalogError(
            f"Phiên bản {current.number} đã công bố, không được sửa. "
            "Hãy tạo bản nháp mới từ phiên bản này."
        )
    return current


def _check_content(procedure: Procedure, content: dict) -> None:
    unknown = set(content) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"not version fields: {', '.join(sorted(unknown))}")
    field = content.get("field")
    if field is not None and field.agency_id != procedure.agency_id:
        raise CatalogError(f"Lĩnh vực «{field}» không thuộc danh mục của cơ quan.")


def _open_draft(procedure: Procedure) -> ProcedureVersion | None:
    return procedure.versions.filter(status=VersionStatus.DRAFT).first()


def _new_version(procedure: Procedure, content: dict) -> ProcedureVersion:
    draft = _open_draft(procedure)
    if draft is not None:
        raise CatalogError(
            f"Thủ tục {procedure} đang có bản nháp (phiên bản {draft.number}); hãy sửa bản nháp đó."
        )
    _check_content(procedure, content)
    number = (procedure.versions.aggregate(Max("number"))["number__max"] or 0) + 1
    version = ProcedureVersion(procedure=procedure, number=number, **content)
    _validated(version)
    version.save()
    return version


@transaction.atomic
def get_or_create_field(agency: Agency, name: str, code: str = "") -> Field:
    """The agency's field of this name, created (with `code`) when missing."""
    name = " ".join(name.split())
    field = Field.objects.filter(agency=agency, name=name).first()
    if field is None:
        field = _validated(Field(agency=agency, name=name, code=code.strip()))
        field.save()
    return field


@transaction.atomic
def create_procedure(
    agency: Agency,
    *,
    name: str,
    national_code: str | None = None,
    local_code: str | None = None,
    **content,
) -> ProcedureVersion:
    """A new procedure of `agency` and its first draft. The local code defaults to the national
    code; one of them is required so that every procedure can be addressed."""
    national_code = (national_code or "").strip() or None
    local_code = (local_code or "").strip() or national_code
    if not local_code:
        raise CatalogError("Thủ tục cần có mã nội bộ hoặc mã thủ tục quốc gia.")
    if (
        national_code
        and Procedure.objects.filter(agency=agency, national_code=national_code).exists()
    ):
        raise CatalogError(f"Cơ quan đã có thủ tục mã {national_code}.")
    if Procedure.objects.filter(agency=agency, local_code=local_code).exists():
        raise CatalogError(f"Cơ quan đã có thủ tục mã nội bộ {local_code}.")
    procedure = _validated(
        Procedure(agency=agency, national_code=national_code, local_code=local_code)
    )
    procedure.save()
    return _new_version(procedure, {"name": name, **content})


@transaction.atomic
def create_draft(procedure: Procedure, *, name: str, **content) -> ProcedureVersion:
    """A blank new draft (the next version number); refused while another draft is open."""
    procedure = _lock_procedure(procedure)
    return _new_version(procedure, {"name": name, **content})


@transaction.atomic
def new_draft_from(version: ProcedureVersion) -> ProcedureVersion:
    """A new draft that copies everything of an issued version: content, fees, documents,
    internal process (template files are shared, not copied: stored files never change)."""
    procedure = _lock_procedure(version.procedure)
    source = ProcedureVersion.objects.get(pk=version.pk)
    if source.is_draft:
        raise CatalogError("Đây đã là bản nháp; hãy sửa trực tiếp.")
    draft = _new_version(procedure, {name: getattr(source, name) for name in CONTENT_FIELDS})
    for model, fields in (
        (Fee, ["position", "name", "amount", "note", "applies_to"]),
        (
            RequiredDocument,
            [
                "position",
                "name",
                "originals",
                "copies",
                "requirement",
                "condition",
                "note",
                "template",
            ],
        ),
        (ProcessStep, ["position", "name", "unit", "role", "hours"]),
    ):
        for item in model.objects.filter(version=source):
            model.objects.create(version=draft, **{f: getattr(item, f) for f in fields})
    return draft


@transaction.atomic
def edit_draft(version: ProcedureVersion, **changes) -> ProcedureVersion:
    """Change a draft's content (and its planned effective date); issued versions refuse."""
    draft = _locked_draft(version)
    _check_content(draft.procedure, changes)
    for name, value in changes.items():
        setattr(draft, name, value)
    _validated(draft)
    draft.save()
    return draft


def _next_position(draft: ProcedureVersion, model) -> int:
    highest = model.objects.filter(version=draft).aggregate(Max("position"))["position__max"]
    return (highest or 0) + 1


def _add(version: ProcedureVersion, model, **values):
    draft = _locked_draft(version)
    item = model(version=draft, position=_next_position(draft, model), **values)
    _validated(item)
    item.save()
    return item


@transaction.atomic
def add_fee(
    version: ProcedureVersion,
    *,
    name: str,
    amount: int | None = None,
    note: str = "",
    applies_to: str = FeeChannel.ALL,
) -> Fee:
    return _add(version, Fee, name=name, amount=amount, note=note, applies_to=applies_to)


@transaction.atomic
def add_document(
    version: ProcedureVersion,
    *,
    name: str,
    originals: int | None = None,
    copies: int | None = None,
    requirement: str = Requirement.MANDATORY,
    condition: str = "",
    note: str = "",
    template=None,
) -> RequiredDocument:
    return _add(
        version,
        RequiredDocument,
        name=name,
        originals=originals,
        copies=copies,
        requirement=requirement,
        condition=condition,
        note=note,
        template=template or "",
    )


@transaction.atomic
def add_step(
    version: ProcedureVersion,
    *,
    name: str,
    hours: Decimal | int,
    unit: Unit | None = None,
    role: str = "",
) -> ProcessStep:
    """Append a step to a draft's internal process; the unit must be one of the agency's."""
    if unit is not None and unit.agency_id != version.procedure.agency_id:
        raise CatalogError(f"Đơn vị «{unit}» không thuộc cơ quan của thủ tục.")
    if unit is None and not role:
        raise CatalogError("Bước xử lý cần có đơn vị hoặc vai trò thực hiện.")
    return _add(version, ProcessStep, name=name, hours=Decimal(hours), unit=unit, role=role)


@transaction.atomic
def remove_item(item: Fee | RequiredDocument | ProcessStep) -> None:
    """Remove a fee, document or step from a draft."""
    _locked_draft(item.version)
    item.delete()


def check_publishable(version: ProcedureVersion) -> None:
    """Refuse unless the time limit is known and the internal process adds up to it.

    Limits in working days or hours compare in working hours (8 a day). A calendar-day limit
    is compared with the working days it is sure to hold (see durations.working_days_within).
    """
    limit = version.time_limit_hours
    if limit is None:
        raise CatalogError(
            "Chưa rõ thời hạn giải quyết nên chưa công bố được: "
            "hãy nhập thời hạn theo văn bản công bố thủ tục."
        )
    steps = list(ProcessStep.objects.filter(version=version))
    if not steps:
        raise CatalogError("Chưa có quy trình nội bộ: hãy nhập các bước xử lý trước khi công bố.")
    total = sum((step.hours for step in steps), Decimal(0))
    if total != limit:
        explained = version.time_limit_display
        if version.time_limit_unit == TimeUnit.CALENDAR_DAYS:
            days = working_days_within(int(version.time_limit_value))
            explained += f", tức {days} ngày làm việc chắc chắn có trong khoảng đó"
        raise CatalogError(
            f"Tổng thời gian các bước của quy trình nội bộ là {format_number(total)} giờ làm "
            f"việc, không khớp thời hạn giải quyết {explained} ({format_number(limit)} giờ làm "
            "việc)."
        )


@transaction.atomic
def publish(version: ProcedureVersion, effective_from: date | None = None) -> ProcedureVersion:
    """Publish a draft, in force from `effective_from` (default: the draft's planned date).

    The date may be in the past (a catalogue that already applies is being loaded), but it must
    come after the effective date of every earlier version, so history keeps its order.
    """
    draft = _locked_draft(version)
    effective_from = effective_from or draft.effective_from
    if effective_from is None:
        raise CatalogError("Hãy chọn ngày có hiệu lực trước khi công bố.")
    check_publishable(draft)
    previous = (
        draft.procedure.versions.exclude(status=VersionStatus.DRAFT)
        .order_by("-effective_from")
        .first()
    )
    if previous is not None and effective_from <= previous.effective_from:
        raise CatalogError(
            f"Ngày có hiệu lực phải sau ngày {previous.effective_from:%d/%m/%Y} "
            f"(ngày có hiệu lực của phiên bản {previous.number})."
        )
    draft.status = VersionStatus.PUBLISHED
    draft.effective_from = effective_from
    draft.published_at = timezone.now()
    draft.save()
    return draft


@transaction.atomic
def retire(version: ProcedureVersion, on: date | None = None) -> ProcedureVersion:
    """Mark a published version as no longer in force from `on` (default: today)."""
    _lock_procedure(version.procedure)
    current = ProcedureVersion.objects.get(pk=version.pk)
    if current.status != VersionStatus.PUBLISHED:
        raise CatalogError("Chỉ phiên bản đang công bố mới cho hết hiệu lực được.")
    on = on or timezone.localdate()
    if on < current.effective_from:
        raise CatalogError(
            f"Ngày hết hiệu lực không được trước ngày có hiệu lực "
            f"({current.effective_from:%d/%m/%Y})."
        )
    current.status = VersionStatus.RETIRED
    current.retired_from = on
    current.save()
    return current
