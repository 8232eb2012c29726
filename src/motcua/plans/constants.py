from django.db import models

# Working days before an assignment's deadline at which its people are reminded, unless the
# setting MOTCUA_ASSIGNMENT_REMINDER_DAYS (ASSIGNMENT_REMINDER_DAYS) says otherwise.
REMINDER_DAYS = (5, 1)

# Evidence of progress: what a scanned or electronic document comes in, and how big it may be.
MAX_EVIDENCE_MB = 20


class ScheduleKind(models.TextChoices):
    DATE = "date", "Theo ngày"
    QUARTER = "quarter", "Theo quý"
    MONTHLY = "monthly", "Hằng tháng"
    ALL_YEAR = "all_year", "Cả năm"
    FREE_TEXT = "free_text", "Theo điều kiện"


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Chưa thực hiện"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    DONE = "done", "Hoàn thành"
    DONE_LATE = "done_late", "Hoàn thành trễ hạn"
    OVERDUE = "overdue", "Quá hạn"


class AssignmentState(models.TextChoices):
    OPEN = "open", "Đang thực hiện"
    EXTENDED = "extended", "Đã gia hạn"
    DONE = "done", "Hoàn thành đúng hạn"
    LATE = "late", "Hoàn thành trễ hạn"
    OVERDUE = "overdue", "Quá hạn"


class ReminderKind(models.TextChoices):
    BEFORE = "before", "Sắp đến hạn"
    OVERDUE = "overdue", "Quá hạn"


class Recurrence(models.TextChoices):
    YEARLY = "yearly", "Hằng năm"
    MONTHLY = "monthly", "Hằng tháng"


class ReportState(models.TextChoices):
    DUE = "due", "Chưa nộp"
    OVERDUE = "overdue", "Quá hạn chưa nộp"
    SUBMITTED = "submitted", "Đã nộp đúng hạn"
    LATE = "late", "Nộp trễ hạn"


class EquipmentCondition(models.TextChoices):
    GOOD = "good", "Tốt"
    WORN = "worn", "Cũ, xuống cấp"
    BROKEN = "broken", "Hỏng"


class RequestKind(models.TextChoices):
    REPAIR = "repair", "Sửa chữa"
    PURCHASE = "purchase", "Mua sắm"


class RequestStatus(models.TextChoices):
    REQUESTED = "requested", "Chờ duyệt"
    APPROVED = "approved", "Đã duyệt"
    REJECTED = "rejected", "Không duyệt"
    DONE = "done", "Đã thực hiện"


class Direction(models.TextChoices):
    INCOMING = "incoming", "Văn bản đến"
    OUTGOING = "outgoing", "Văn bản đi"
