from django.db import models


class Group(models.IntegerChoices):
    """The five groups, numbered as the criteria codes number them (vn-rules §8.2): group 3
    holds the online services and payment criteria (3.x), group 4 digitisation (4.x)."""

    PUBLICITY = 1, "Công khai, minh bạch"
    PROGRESS = 2, "Tiến độ, kết quả giải quyết"
    ONLINE = 3, "Cung cấp dịch vụ trực tuyến và thanh toán trực tuyến"
    DIGITIZATION = 4, "Số hóa hồ sơ"
    SATISFACTION = 5, "Mức độ hài lòng"


class Source(models.TextChoices):
    SYSTEM = "system", "Tính từ dữ liệu Motcua"
    MANUAL = "manual", "Nhập tay (Motcua không có dữ liệu)"


NO_DATA = "Không có dữ liệu"
