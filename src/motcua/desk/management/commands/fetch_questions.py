from django.core.management.base import BaseCommand, CommandError

from motcua.desk.errors import DeskError
from motcua.desk.inbox import fetch_questions


class Command(BaseCommand):
    help = (
        "Read the questions mailbox (DESK_MAILBOX) once and turn each new message into a "
        "question. Running it again takes nothing twice; schedule it from cron."
    )

    def handle(self, *args, **options):
        try:
            count = fetch_questions()
        except DeskError as error:
            raise CommandError(error.message) from None
        self.stdout.write(f"Câu hỏi mới từ thư điện tử: {count}")
