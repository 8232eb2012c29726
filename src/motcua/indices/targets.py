"""The plan's targets: rows an office edits per year, and the demo's seed."""

from decimal import Decimal

from django.utils import timezone

from motcua.org.models import Agency

from .constants import TargetKey
from .models import Target

PLAN = "Kế hoạch cải cách hành chính của Sở"
# The plan's minimums (mission/capabilities.md, "Targets"), with the item that sets each.
DEMO_TARGETS = {
    TargetKey.SATISFACTION: (Decimal(85), f"{PLAN}, mục I.1"),
    TargetKey.TTHC_SATISFACTION: (Decimal(90), f"{PLAN}, mục I.1"),
    TargetKey.INVESTMENT_SATISFACTION: (Decimal(85), f"{PLAN}, mục I.1"),
    TargetKey.PAR_INDEX: (Decimal(85), f"{PLAN}, mục I.1"),
    TargetKey.ON_TIME: (Decimal(99), f"{PLAN}, mục II.1.9"),
    TargetKey.ONLINE: (Decimal(55), f"{PLAN}, mục II.2"),
}


def load_demo_targets(agency: Agency) -> list[Target]:
    """The plan's targets for 2022 and the current year; rows already there are kept as edited."""
    years = sorted({2022, timezone.localdate().year})
    targets = []
    for year in years:
        for key, (value, source) in DEMO_TARGETS.items():
            target, _ = Target.objects.get_or_create(
                agency=agency, year=year, key=key, defaults={"value": value, "source": source}
            )
            targets.append(target)
    return targets


def targets_for(agency: Agency, year: int) -> dict[str, Target]:
    return {t.key: t for t in Target.objects.filter(agency=agency, year=year)}
