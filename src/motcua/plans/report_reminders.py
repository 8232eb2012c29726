"""Remind the office of the reports it owes, the obligation's working days before the due date
and once it has passed unsubmitted, in the app and by e-mail.

Same rules as the assignment reminders (`reminders.due_reminder`): one working day each, the
most urgent missed one after downtime, keys holding the due date so a rerun or a restart sends
nothing twice. Reports due before the obligation was followed here are left alone."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from motcua.notifications.constants import Channel
from motcua.notifications.models import Message
from motcua.notifications.services import queue_message
from motcua.org.constants import Role
from motcua.org.models import Agency, Staff
from motcua.worktime.selectors import calendar_for

from .constants import ReminderKind
from .models import ReportObligation, ReportOccurrence
from .reminders import due_reminder
from .report_calendar import occurrences_for

# How far back an unsubmitted report still gets its overdue notice (a job down for a while).
OVERDUE_LOOKBACK = timedelta(days=31)


def _text(occurrence: ReportOccurrence, kind: str) -> tuple[str, str]:
    name, due = occurrence.obligation.name, f"{occurrence.due_on:%d/%m/%Y}"
    if kind == ReminderKind.OVERDUE:
        subject, lead = f"Quá hạn nộp: {name}", f"Báo cáo đã quá hạn nộp ngày {due}."
    else:
        subject, lead = f"Sắp đến hạn nộp: {name}", f"Báo cáo phải nộp trước hết ngày {due}."
    body = (
        f"{lead}\n{name} gửi {occurrence.obligation.recipient}, kỳ từ "
        f"{occurrence.period_start:%d/%m/%Y} đến {occurrence.period_end:%d/%m/%Y}. Dự thảo "
        "được tạo từ số liệu trên trang Lịch báo cáo; khi đã nộp, ghi nhận số văn bản."
    )
    return subject, body


def _remind(occurrence: ReportOccurrence, kind: str, n: int, office: list[Staff]) -> int:
    subject, body = _text(occurrence, kind)
    stem = f"report:{occurrence.pk}:reminder:{kind}{n or ''}:{occurrence.due_on}"
    queued = 0
    with transaction.atomic():
        for person in office:
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
                    agency=occurrence.obligation.agency,
                    topic=f"report.{kind}",
                    reference=occurrence.obligation.code,
                    key=key,
                )
                queued += 1
    return queued


def remind_reports(now: datetime | None = None) -> int:
    """Queue the report reminders due at `now`; returns how many messages were queued."""
    today = timezone.localdate(now or timezone.now())
    queued = 0
    agencies = Agency.objects.filter(pk__in=ReportObligation.objects.values("agency")).order_by(
        "pk"
    )
    for agency in agencies:
        working = calendar_for(agency)
        # The reports of next January are reminded in December.
        for year in {today.year, (today + timedelta(days=45)).year}:
            occurrences_for(agency, year)
        office = list(
            Staff.objects.filter(agency=agency, user__groups__name=Role.OFFICE)
            .select_related("user")
            .order_by("pk")
        )
        owed = (
            ReportOccurrence.objects.filter(
                obligation__agency=agency,
                submitted_on__isnull=True,
                due_on__gte=today - OVERDUE_LOOKBACK,
                due_on__lte=today + timedelta(days=45),
            )
            .select_related("obligation__agency")
            .order_by("due_on", "pk")
        )
        for occurrence in owed:
            if occurrence.due_on < occurrence.obligation.active_from:
                continue
            due = due_reminder(
                working, occurrence.due_on, today, tuple(occurrence.obligation.remind_days)
            )
            if due is not None:
                queued += _remind(occurrence, *due, office)
    return queued
