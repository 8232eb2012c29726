from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from motcua.org.models import Agency
from motcua.plans import services
from motcua.plans.errors import PlanError
from motcua.plans.importer import import_tasks
from motcua.plans.models import Plan


class Command(BaseCommand):
    help = (
        "Import a plan's task table (appendix layout) from XLSX or DOCX into the plan with "
        "that number, created when --title, --issued-on and --year are given. Good rows are "
        "imported; the others are listed with their row number and reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("agency_code")
        parser.add_argument("plan_number")
        parser.add_argument("file")
        parser.add_argument("--title", help="Trích yếu, to create the plan")
        parser.add_argument("--issued-on", type=date.fromisoformat, help="YYYY-MM-DD")
        parser.add_argument("--year", type=int)

    def handle(self, *args, agency_code, plan_number, file, **options):
        agency = Agency.objects.filter(code=agency_code).first()
        if agency is None:
            raise CommandError(f"Không có cơ quan mã {agency_code}.")
        # A plan created for a file that cannot be read is not kept.
        try:
            with transaction.atomic():
                plan = Plan.objects.filter(agency=agency, number=plan_number.strip()).first()
                if plan is None:
                    if not (options["title"] and options["issued_on"] and options["year"]):
                        raise CommandError(
                            f"Chưa có kế hoạch số {plan_number}: cần --title, "
                            "--issued-on và --year để tạo."
                        )
                    plan = services.create_plan(
                        agency,
                        number=plan_number,
                        issued_on=options["issued_on"],
                        title=options["title"],
                        year=options["year"],
                    )
                with open(file, "rb") as stream:
                    result = import_tasks(plan, stream, file)
        except (PlanError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Kế hoạch số {plan.number}: đã nhập {result.sections} đề mục, "
            f"{result.tasks} nhiệm vụ; {len(result.errors)} dòng không nhập được."
        )
        for row, reason in result.errors:
            self.stdout.write(f"  Dòng {row}: {reason}")
