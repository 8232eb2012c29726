from django.db import models


class Kind(models.TextChoices):
    REGISTER_XLSX = "register_xlsx", "Sổ theo dõi hồ sơ (Mẫu 06), Excel"
    BRIEFING_XLSX = "briefing_xlsx", "Báo cáo giao ban tháng, Excel"
    BRIEFING_DOCX = "briefing_docx", "Báo cáo giao ban tháng, Word"
    STATISTICS_XLSX = "statistics_xlsx", "Thống kê định kỳ theo lĩnh vực, thủ tục, Excel"


class Status(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang lập"
    DONE = "done", "Đã xong"
    FAILED = "failed", "Lỗi"
