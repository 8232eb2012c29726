"""Warn the officers holding a dossier that is about to run out of time, while an apology with a
new appointment can still be issued (at least one working day before the deadline)."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from motcua.notifications.constants import Channel as MessageChannel
from motcua.notifications.models import Message
from motcua.notifications.services import queue_message
from motcua.org.constants import Role
from motcua.org.models import Staff
from motcua.worktime import arithmetic
from motcua.worktime.selectors import calendar_for

from .constants import State
from .models import Dossier

# Warned during the last working day in which the apology is still allowed.
WINDOW_DAYS = 2
# No deadline with less than two working days left is further than this in calendar time.
_HORIZON = timedelta(days=14)


def _recipients(dossier: Dossier) -> list[Staff]:
    """The holder of the current step, and the heads who answer for it."""
    people = [dossier.current_assignee] if dossier.current_assignee_id else []
    heads = Staff.objects.filter(
        agency_id=dossier.agency_id,
        user__groups__name=Role.UNIT_HEAD,
        unit_id=dossier.current_unit_id,
    )
    if dossier.current_unit_id is None or not heads.exists():
        heads = Staff.objects.filter(agency_id=dossier.agency_id, user__groups__name=Role.DIRECTOR)
    people += [head for head in heads.select_related("user") if head not in people]
    return people


def warn_of_deadlines(now: datetime | None = None) -> int:
    """Queue one in-app warning per officer and deadline; returns how many were queued.

    Keys make a second run (or a restart) send nothing twice; a deadline that moves (supplement,
    extension) is a new deadline and warns again.
    """
    now = now or timezone.now()
    candidates = (
        Dossier.objects.filter(
            state__in=(State.RECEIVED, State.PROCESSING),
            clock_stopped_at__isnull=True,
            apologized_at__isnull=True,
            due_at__gt=now,
            due_at__lte=now + _HORIZON,
        )
        .select_related("agency", "current_assignee__user")
        .order_by("due_at")
    )
    calendars, queued = {}, 0
    for dossier in candidates:
        calendar = calendars.setdefault(dossier.agency_id, calendar_for(dossier.agency_id))
        left = arithmetic.working_time_between(calendar, now, dossier.due_at)
        if not calendar.day_length < left <= WINDOW_DAYS * calendar.day_length:
            continue
        due = f"{timezone.localtime(dossier.due_at):%H:%M ngày %d/%m/%Y}"
        body = (
            f"Hồ sơ {dossier.code} ({dossier.applicant_name}) hẹn trả lúc {due}. Nếu không "
            "kịp, văn bản xin lỗi và hẹn lại phải ban hành chậm nhất 01 ngày làm việc "
            "trước hạn."
        )
        with transaction.atomic():
            for person in _recipients(dossier):
                key = f"dossier-deadline:{dossier.pk}:{dossier.due_at.isoformat()}:{person.pk}"
                if Message.objects.filter(key=key).exists():
                    continue
                queue_message(
                    MessageChannel.IN_APP,
                    person.user,
                    f"Sắp đến hạn: {dossier.code}",
                    body,
                    agency=dossier.agency,
                    topic="dossier.due_soon",
                    reference=dossier.code,
                    key=key,
                )
                queued += 1
    return queued
