from django.core.management.base import BaseCommand

from motcua.notifications.constants import MessageStatus
from motcua.notifications.delivery import send_due_messages


class Command(BaseCommand):
    help = (
        "Gửi các thông báo đến hạn gửi: chưa gửi được hoặc gửi lỗi. Chạy định kỳ bằng cron khi "
        "không có Celery beat (cài đặt nhúng)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit",
            type=int,
            default=500,
            help="Số thông báo tối đa trong một lần chạy (mặc định 500).",
        )

    def handle(self, *args, limit, **options):
        outcome = send_due_messages(limit)
        self.stdout.write(
            f"Đã gửi: {outcome[MessageStatus.SENT]}; "
            f"chưa gửi được, sẽ thử lại: {outcome[MessageStatus.PENDING]}; "
            f"gửi lỗi: {outcome[MessageStatus.FAILED]}."
        )
