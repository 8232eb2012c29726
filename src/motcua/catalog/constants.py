from decimal import Decimal

from django.db import models

from motcua.worktime.constants import TimeUnit  # noqa: F401  (the catalogue's limits use it)

# A working day is counted as 8 working hours (07:00–11:30, 13:30–17:00), as worktime does.
HOURS_PER_WORKING_DAY = Decimal(8)


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Bản nháp"
    PUBLISHED = "published", "Đã công bố"
    RETIRED = "retired", "Hết hiệu lực"


class ExecutionLevel(models.TextChoices):
    CENTRAL = "central", "Cấp trung ương"
    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện"
    COMMUNE = "commune", "Cấp xã"


class OnlineLevel(models.TextChoices):
    """Online service level; a null value in the database means "not known"."""

    FULL = "full", "Trực tuyến toàn trình"
    PARTIAL = "partial", "Trực tuyến một phần"
    NONE = "none", "Không trực tuyến"


class FeeChannel(models.TextChoices):
    """Which submissions a fee applies to: many fees are waived or lowered online."""

    ALL = "all", "Mọi hình thức nộp"
    COUNTER = "counter", "Nộp trực tiếp hoặc qua bưu chính"
    ONLINE = "online", "Nộp trực tuyến"


class SupplementClock(models.TextChoices):
    """What the time limit does when the applicant brings back a supplemented dossier."""

    RESTART = "restart", "Tính lại từ đầu"
    CONTINUE = "continue", "Tính tiếp (cộng thêm thời gian chờ bổ sung)"


class Requirement(models.TextChoices):
    MANDATORY = "mandatory", "Bắt buộc"
    CONDITIONAL = "conditional", "Tùy trường hợp"
