from django.core.management.base import BaseCommand

from motcua.payments.services import mark_abandoned


class Command(BaseCommand):
    help = "Mark payments left pending too long as abandoned (for cron, without Celery beat)."

    def handle(self, *args, **options):
        count = mark_abandoned()
        self.stdout.write(f"{count} giao dịch bỏ dở.")
