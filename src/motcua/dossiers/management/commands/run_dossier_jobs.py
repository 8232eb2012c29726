from django.core.management.base import BaseCommand

from motcua.dossiers.tasks import remind_late_consultations, warn_officers_of_deadlines


class Command(BaseCommand):
    help = (
        "Run the lifecycle's scheduled jobs once (late-consultation reminders and escalations, "
        "warnings of deadlines). "
        "Running it again sends nothing twice; schedule it from cron in the embedded setup."
    )

    def handle(self, *args, **options):
        sent = remind_late_consultations()
        self.stdout.write(f"Đôn đốc, báo cáo lấy ý kiến chậm: {sent}")
        warned = warn_officers_of_deadlines()
        self.stdout.write(f"Cảnh báo hồ sơ sắp đến hạn: {warned}")
