from django.db import models


class Role(models.TextChoices):
    """The staff roles. Each is a Django group of the same name (created by migration)."""

    COUNTER_OFFICER = "counter_officer", "Cán bộ Một cửa"
    SPECIALIST = "specialist", "Chuyên viên"
    UNIT_HEAD = "unit_head", "Lãnh đạo phòng"
    DIRECTOR = "director", "Giám đốc"
    OFFICE = "office", "Văn phòng"
    CLERK = "clerk", "Văn thư"
    ADMINISTRATOR = "administrator", "Quản trị hệ thống"


class AgencyLevel(models.TextChoices):
    PROVINCE = "province", "Cấp tỉnh (UBND tỉnh)"
    DEPARTMENT = "department", "Sở, ban, ngành"
    DISTRICT = "district", "Cấp huyện"
    COMMUNE = "commune", "Cấp xã"
    OTHER = "other", "Khác"
