from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from motcua.demo.loader import DemoRefused, load_demo
from motcua.demo.org_seed import LOGINS
from motcua.org.constants import Role


class Command(BaseCommand):
    help = "Load the demo Department (Sở KH&ĐT Khánh Hòa); running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=365,
            help="Days of dossiers to generate before today (default 365).",
        )

    def handle(self, *args, days=365, **options):
        try:
            summary = load_demo(days=days)
        except DemoRefused as refused:
            raise CommandError(str(refused)) from None
        self.stdout.write(self.style.SUCCESS(f"Dữ liệu mẫu: {summary}"))
        self.stdout.write(f"Tài khoản mẫu (mật khẩu: {settings.MOTCUA_DEMO_PASSWORD}):")
        for login in LOGINS:
            roles = ", ".join(Role(role).label for role in login.roles)
            self.stdout.write(f"  {login.username:<18} {roles} — {login.position}")
