from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from motcua.api.models import ApiToken
from motcua.org.scoping import staff_of


class Command(BaseCommand):
    help = (
        "Cấp một mã truy cập API cho tài khoản USERNAME. Mã được in ra đúng một lần (riêng một "
        "dòng trên stdout); cơ sở dữ liệu chỉ giữ mã băm của nó."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--name", default="", help="Mục đích dùng mã, hiện trong trang quản trị."
        )

    def handle(self, *args, username, name, **options):
        try:
            user = get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"Không có tài khoản «{username}».") from exc
        if not user.is_active:
            raise CommandError(f"Tài khoản «{username}» đang bị khóa.")
        row, token = ApiToken.issue(user, name.strip())
        # The token alone on stdout, so that a script can capture it; the advice on stderr.
        self.stdout.write(token)
        self.stderr.write(
            f"Đã cấp mã {row.prefix}… cho «{username}». Hãy lưu lại ngay: mã không hiện lại."
        )
        if staff_of(user) is None:
            self.stderr.write(
                "Lưu ý: tài khoản này không gắn với cán bộ nào, nên bị từ chối (403) ở các API "
                "nghiệp vụ hồ sơ."
            )
