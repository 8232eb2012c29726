from django.core.management.base import BaseCommand

from motcua.plans.tasks import send_assignment_reminders, send_report_reminders


class Command(BaseCommand):
    help = (
        "Run the plans' scheduled jobs once (assignment and report reminders). Running it "
        "again sends nothing twice; schedule it from cron in the embedded setup."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Nhắc việc đã gửi: {send_assignment_reminders()}")
        self.stdout.write(f"Nhắc báo cáo đã gửi: {send_report_reminders()}")
