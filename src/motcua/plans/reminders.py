"""Remind the people of an open assignment N working days before its deadline and once it has
passed (in the app, and by e-mail when they have an address).

Each reminder is due on one working day: N working days before the deadline, or the first
working day after it for the overdue notice. A run on a later day still sends the most urgent
reminder it missed (the job may have been down), never the older ones. Idempotency keys hold
the deadline, so a second run or a restart sends nothing twice, and an extension (a new
deadline) reminds again."""

from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from motcua.notifications.constants import Channel
from motcua.notifications.models import Message
from motcua.notifications.services import queue_message
from motcua.org.constants import Role
from motcua.org.models import Staff
from motcua.worktime.calendar import WorkingCalendar
from motcua.worktime.selectors import calendar_for

from .constants import REMINDER_DAYS, ReminderKind
from .models import Assignment


def working_days_before(calendar: WorkingCalendar, day: date, n: int) -> date:
    """The working day `n` working days before `day` (n=0: `day`, or the working day before)."""
    candidate, counted = day, 0
    while counted < n or not calendar.is_working_day(candidate):
        candidate -= timedelta(days=1)
        if calendar.is_working_day(candidate):
            counted += 1
    return candidate


def due_reminder(
    calendar: WorkingCalendar, deadline: date, today: date, days: tuple[int, ...] = REMINDER_DAYS
) -> tuple[str, int] | None:
    """The reminder `today` calls for: (kind, working days before), the most urgent reached."""
    if today >= calendar.working_day_after(deadline):
        return ReminderKind.OVERDUE, 0
    if today > deadline:
        return None
    reached = [n for n in days if working_days_before(calendar, deadline, n) <= today]
    return (ReminderKind.BEFORE, min(reached)) if reached else None


def _people(assignment: Assignment) -> list[Staff]:
    """The person assigned, else the heads of the unit."""
    if assignment.assignee_id:
        return [assignment.assignee]
    return list(
        Staff.objects.filter(
            unit_id=assignment.unit_id, user__groups__name=Role.UNIT_HEAD
        ).select_related("user")
    )


def _text(assignment: Assignment, kind: str) -> tuple[str, str]:
    deadline = f"{assignment.deadline:%d/%m/%Y}"
    if kind == ReminderKind.OVERDUE:
        subject = f"Quá hạn: nhiệm vụ theo văn bản {assignment.source_number}"
        lead = f"Nhiệm vụ đã quá hạn xử lý ngày {deadline}."
    else:
        subject = f"Sắp đến hạn: nhiệm vụ theo văn bản {assignment.source_number}"
        lead = f"Nhiệm vụ phải hoàn thành trước hết ngày {deadline}."
    body = (
        f"{lead}\n{assignment.content}\n(Văn bản số {assignment.source_number} ngày "
        f"{assignment.source_date:%d/%m/%Y} của {assignment.issuer}.) Khi hoàn thành, ghi "
        "nhận văn bản kết quả và kết thúc nhắc việc."
    )
    return subject, body


def remind_assignments(now: datetime | None = None, days: tuple[int, ...] = REMINDER_DAYS) -> int:
    """Queue the reminders due at `now`; returns how many messages were queued."""
    today = timezone.localdate(now or timezone.now())
    horizon = today + timedelta(days=max(days, default=0) * 2 + 14)
    open_ones = (
        Assignment.objects.filter(closed_at__isnull=True, deadline__lte=horizon)
        .select_related("agency", "assignee__user")
        .order_by("deadline", "pk")
    )
    calendars, queued = {}, 0
    for assignment in open_ones:
        calendar = calendars.setdefault(assignment.agency_id, calendar_for(assignment.agency_id))
        due = due_reminder(calendar, assignment.deadline, today, days)
        if due is None:
            continue
        kind, n = due
        subject, body = _text(assignment, kind)
        stem = f"assignment:{assignment.pk}:reminder:{kind}{n or ''}:{assignment.deadline}"
        with transaction.atomic():
            for person in _people(assignment):
                sends = [(Channel.IN_APP, person.user)]
                if person.user.email:
                    sends.append((Channel.EMAIL, person.user.email))
                for channel, recipient in sends:
                    key = f"{stem}:{channel}:{person.pk}"
                    if Message.objects.filter(key=key).exists():
                        continue
                    queue_message(
                        channel,
                        recipient,
                        subject,
                        body,
                        agency=assignment.agency,
                        topic=f"assignment.{kind}",
                        reference=assignment.source_number,
                        key=key,
                    )
                    queued += 1
    return queued
