from django.core.management.base import BaseCommand, CommandError

from motcua.org.models import Agency

from ...xlsx import write_catalog


class Command(BaseCommand):
    help = "Xuất toàn bộ danh mục thủ tục của một cơ quan (mọi phiên bản) ra tệp Excel."

    def add_arguments(self, parser):
        parser.add_argument("agency", help="mã định danh của cơ quan, ví dụ 000.00.17.H34")
        parser.add_argument("file", help="tệp .xlsx sẽ ghi")

    def handle(self, *args, agency, file, **options):
        target = Agency.objects.filter(code=agency).first()
        if target is None:
            raise CommandError(f"Không có cơ quan mã {agency}.")
        write_catalog(target, file)
        self.stdout.write(self.style.SUCCESS(f"Đã xuất danh mục của {target} ra {file}."))
