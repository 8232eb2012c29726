from django.core.management.base import BaseCommand

from motcua.submissions.services import delete_expired_drafts


class Command(BaseCommand):
    help = "Delete the online-submission drafts never submitted whose keeping time is over."

    def handle(self, *args, **options):
        count = delete_expired_drafts()
        self.stdout.write(f"{count} expired draft(s) deleted.")
