"""Small display helpers of the dossier pages."""

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html

from motcua.dossiers.constants import Action, Timeliness

register = template.Library()

BADGE = {
    Timeliness.OVERDUE: "text-bg-danger",
    Timeliness.LATE: "text-bg-danger",
    Timeliness.DUE_SOON: "text-bg-warning",
    Timeliness.PAUSED: "text-bg-secondary",
}


@register.simple_tag
def timeliness_badge(value):
    """The badge of a Timeliness value; nothing for a dossier without a deadline."""
    if not value:
        return ""
    return format_html(
        '<span class="badge {}">{}</span>',
        BADGE.get(value, "text-bg-success"),
        Timeliness(value).label,
    )


@register.filter
def step_holder(step) -> str:
    """Who holds a step: its assignee, else the role or unit it waits in (a filter rather than
    an include: the worklist shows it on every row)."""
    if step.assignee_id:
        return step.assignee.full_name
    if step.role:
        return (
            f"{step.get_role_display()} — {step.unit}" if step.unit_id else step.get_role_display()
        )
    waiting = " (chờ phân công)" if step.started_at and not step.finished_at else ""
    return f"{step.unit or '—'}{waiting}"


def _moment(iso: str) -> str:
    return f"{timezone.localtime(datetime.fromisoformat(iso)):%H:%M %d/%m/%Y}"


@register.filter
def event_details(event) -> str:
    """What an event's data adds to its action label, in a few words."""
    data = event.data or {}
    parts = []
    if data.get("assignee"):
        parts.append(f"giao cho {data['assignee']}")
    if data.get("to_step"):
        parts.append(f"sang bước «{data['to_step']}»")
    if data.get("items"):
        parts.append("cần bổ sung: " + "; ".join(item["name"] for item in data["items"]))
    if data.get("case_label"):
        parts.append(data["case_label"])
    if data.get("agency"):
        parts.append(data["agency"])
    if data.get("new_due_at"):
        parts.append(f"hẹn lại {_moment(data['new_due_at'])}")
    elif data.get("due_at") and event.action != Action.ANSWER_CONSULTATION:
        parts.append(f"hạn {_moment(data['due_at'])}")
    if event.action == Action.REGISTER_RESULT and data.get("number"):
        parts.append(f"số {data['number']}")
    if data.get("file"):
        parts.append(f"tệp «{data['file']}»")
    if data.get("tracking_number"):
        parts.append(f"số hiệu bưu gửi {data['tracking_number']}")
    return "; ".join(parts)
