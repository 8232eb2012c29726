"""Load the whole demo Department: organisation, working calendar rows, procedure catalogue and
a year of dossiers made through the lifecycle services."""

from django.db import transaction

from motcua.core.deployment import is_production, is_training
from motcua.desk.demo import load_demo_desk
from motcua.feedback.demo import load_demo_ratings
from motcua.indices.d766.demo import load_demo_d766
from motcua.indices.scorecards.demo import load_demo_scorecards
from motcua.indices.targets import load_demo_targets
from motcua.notifications.reach import delivering_channels
from motcua.payments.demo import load_demo_payments
from motcua.plans.demo import load_demo_plan, load_demo_registers, load_demo_report_calendar
from motcua.portal.demo import load_demo_portal
from motcua.submissions.demo import load_demo_drafts
from motcua.worktime.official_rows import load_official_rows

from .catalog_seed import load_demo_catalog
from .dossier_seed import generate_dossiers
from .org_seed import load_demo_organization


class DemoRefused(Exception):
    """The demo may not be loaded here; the message says why, in Vietnamese."""


def refusal() -> str | None:
    """Why the demo may not be loaded on this deployment, or None. Fictional people and a year
    of invented dossiers must never mix with an agency's real records, nor be messaged through a
    channel that reaches people (their addresses are reserved ones, notifications/reach.py, but
    a real gateway should not even be asked)."""
    if is_production() and not is_training():
        return (
            "Không nạp dữ liệu mẫu trên bản triển khai chính thức (cấu hình production). "
            "Chỉ bản đào tạo (TRAINING_DEPLOYMENT=true) hoặc bản phát triển được nạp."
        )
    channels = delivering_channels()
    if channels:
        return (
            "Không nạp dữ liệu mẫu khi kênh gửi thật đang bật: "
            + ", ".join(channels)
            + ". Dùng kênh mô phỏng (NOTIFICATIONS_SMS_PLUGIN=sms_local, EMAIL_BACKEND ghi "
            "tệp) cho bản có dữ liệu mẫu."
        )
    return None


@transaction.atomic
def load_demo(*, days: int = 365) -> str:
    """Idempotent: a second run changes nothing (dossiers are made only for an empty agency)."""
    reason = refusal()
    if reason:
        raise DemoRefused(reason)
    department = load_demo_organization()
    load_official_rows(department)
    procedures = load_demo_catalog(department)
    generate_dossiers(department, days=days)
    load_demo_payments(department)
    load_demo_ratings(department)
    tasks = load_demo_plan(department)
    load_demo_report_calendar(department)
    load_demo_registers(department)
    load_demo_targets(department)
    load_demo_scorecards(department)
    load_demo_d766(department)
    load_demo_portal(department)
    load_demo_drafts(department)
    load_demo_desk(department)
    return (
        f"{department.name}: {department.units.count()} đơn vị, "
        f"{department.staff.count()} cán bộ, {procedures} thủ tục, "
        f"{department.dossiers.count()} hồ sơ, kế hoạch 1186/KH-SKHĐT với {tasks} nhiệm vụ"
    )
