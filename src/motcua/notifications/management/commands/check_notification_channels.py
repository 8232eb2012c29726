from django.core.management.base import BaseCommand, CommandError

from motcua.notifications.channels.registry import registry
from motcua.notifications.constants import Channel


class Command(BaseCommand):
    help = "Kiểm tra các kênh thông báo đang dùng (máy chủ thư, cổng SMS…) có gửi được không."

    def handle(self, *args, **options):
        problems = 0
        for channel in Channel:
            plugin = registry.plugin_for(channel)
            result = plugin.check()
            verdict = "tốt" if result.ok else f"LỖI: {result.problem}"
            self.stdout.write(f"{channel.label} — {plugin.id} ({plugin.label}): {verdict}")
            problems += not result.ok
        if problems:
            raise CommandError(f"{problems} kênh thông báo không gửi được.")
