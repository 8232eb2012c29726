from django.core.management.base import BaseCommand

from motcua.dossiers.tasks import remind_late_consultations


class Command(BaseCommand):
    help = (
        "Run the lifecycle's scheduled jobs once (late-consultation reminders and escalations). "
        "Running it again sends nothing twice; schedule it from cron in the embedded setup."
    )

    def handle(self, *args, **options):
        sent = remind_late_consultations()
        self.stdout.write(f"Đôn đốc, báo cáo lấy ý kiến chậm: {sent}")
