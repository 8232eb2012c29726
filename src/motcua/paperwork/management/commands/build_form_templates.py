from pathlib import Path

from django.core.management.base import BaseCommand

from ...build_templates import build
from ...forms import DOCX_DIR


class Command(BaseCommand):
    help = "Tạo lại các tệp mẫu DOCX của biểu mẫu từ bố cục trong build_templates.py."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            dest="directory",
            default=str(DOCX_DIR),
            help="thư mục ghi (mặc định: thư mục mẫu của ứng dụng)",
        )

    def handle(self, *args, directory, **options):
        for path in build(Path(directory)):
            self.stdout.write(f"Đã ghi {path}")
