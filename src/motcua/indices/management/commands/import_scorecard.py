from django.core.management.base import BaseCommand, CommandError

from motcua.org.models import Agency

from ...scorecards.constants import ScorecardKind
from ...scorecards.tree import ImportRefused
from ...scorecards.xlsx import import_scorecard


class Command(BaseCommand):
    help = (
        "Nhập bộ tiêu chí PAR INDEX hoặc PCI của một năm từ tệp Excel; tệp có lỗi thì không ghi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("agency", help="mã định danh của cơ quan, ví dụ 000.00.17.H34")
        parser.add_argument("kind", choices=ScorecardKind.values, help="PAR hoặc PCI")
        parser.add_argument("year", type=int, help="năm đánh giá, ví dụ 2022")
        parser.add_argument("file", help="tệp .xlsx: Mã, Tên, Điểm tối đa, …")
        parser.add_argument("--source", default="", help="văn bản ban hành / công bố")

    def handle(self, *args, agency, kind, year, file, source, **options):
        target = Agency.objects.filter(code=agency).first()
        if target is None:
            raise CommandError(f"Không có cơ quan mã {agency}.")
        try:
            scorecard = import_scorecard(target, kind, year, file, source)
        except ImportRefused as refused:
            for problem in refused.problems:
                self.stderr.write(str(problem))
            raise CommandError(refused.message) from refused
        self.stdout.write(
            self.style.SUCCESS(f"Đã nhập {kind} {year}: {scorecard.nodes.count()} mục.")
        )
