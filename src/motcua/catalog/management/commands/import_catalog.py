from django.core.management.base import BaseCommand, CommandError

from motcua.org.models import Agency

from ...xlsx import ImportRefused, import_catalog


class Command(BaseCommand):
    help = "Nhập danh mục thủ tục từ tệp Excel vào một cơ quan; tệp có lỗi thì không ghi gì."

    def add_arguments(self, parser):
        parser.add_argument("agency", help="mã định danh của cơ quan, ví dụ 000.00.17.H34")
        parser.add_argument("file", help="tệp .xlsx theo mẫu của export_catalog")

    def handle(self, *args, agency, file, **options):
        target = Agency.objects.filter(code=agency).first()
        if target is None:
            raise CommandError(f"Không có cơ quan mã {agency}.")
        try:
            summary = import_catalog(target, file)
        except ImportRefused as refused:
            for problem in refused.problems:
                self.stderr.write(str(problem))
            raise CommandError(refused.message) from refused
        self.stdout.write(self.style.SUCCESS(f"Đã nhập: {summary}."))
