"""The recorded changes of a version's fees, documents and steps, newest first: who, when,
what, and each field from what to what. Shown on the version's admin page, since these rows
have no admin page of their own (they are edited inline)."""

from dataclasses import dataclass
from datetime import datetime

from .models import Fee, ProcessStep, RequiredDocument

ITEM_MODELS = (Fee, RequiredDocument, ProcessStep)
ACTIONS = {"+": "Thêm", "~": "Sửa", "-": "Xoá"}
LIMIT = 50  # per kind of row; older changes stay in the tables


@dataclass(frozen=True)
class ItemChange:
    when: datetime
    who: str
    kind: str  # "phí, lệ phí"...
    item: str
    action: str
    changes: list[str]  # "tên: cũ → mới"


def _changes(record, model) -> list[str]:
    if record.history_type != "~" or record.prev_record is None:
        return []
    delta = record.diff_against(record.prev_record)
    return [
        f"{model._meta.get_field(change.field).verbose_name}: {change.old} → {change.new}"
        for change in delta.changes
    ]


def _who(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "(hệ thống)"


def item_changes(version) -> list[ItemChange]:
    found = []
    for model in ITEM_MODELS:
        records = (
            model.history.filter(version_id=version.pk)
            .select_related("history_user")
            .order_by("-history_date")[:LIMIT]
        )
        for record in records:
            found.append(
                ItemChange(
                    when=record.history_date,
                    who=_who(record.history_user),
                    kind=model._meta.verbose_name,
                    item=record.name,
                    action=ACTIONS[record.history_type],
                    changes=_changes(record, model),
                )
            )
    return sorted(found, key=lambda change: change.when, reverse=True)
