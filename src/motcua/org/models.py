from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models

from .constants import AgencyLevel, Role

# The national electronic agency identifier, e.g. 000.00.17.H34 (Decision 20/2020/QĐ-TTg).
agency_code_validator = RegexValidator(
    r"^[0-9A-Z]{2,3}(\.[0-9A-Z]{2,3}){3}$",
    "Mã định danh cơ quan không đúng dạng (ví dụ: 000.00.17.H34).",
)


class Agency(models.Model):
    code = models.CharField(
        "mã định danh điện tử",
        max_length=20,
        unique=True,
        validators=[agency_code_validator],
        help_text="Mã định danh điện tử của cơ quan, dùng trong mã hồ sơ.",
    )
    name = models.CharField("tên cơ quan", max_length=255)
    short_name = models.CharField("tên viết tắt", max_length=64, blank=True)
    level = models.CharField("cấp", max_length=16, choices=AgencyLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="cơ quan cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    phone = models.CharField("điện thoại", max_length=32, blank=True)
    email = models.EmailField("thư điện tử", blank=True)

    class Meta:
        verbose_name = "cơ quan"
        verbose_name_plural = "cơ quan"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="units"
    )
    code = models.SlugField("mã đơn vị", max_length=32)
    name = models.CharField("tên đơn vị", max_length=255)
    is_counter = models.BooleanField(
        "là Bộ phận Một cửa",
        default=False,
        help_text="Bộ phận tiếp nhận và trả kết quả giải quyết thủ tục hành chính.",
    )
    staff_quota = models.PositiveSmallIntegerField(
        "chỉ tiêu biên chế", default=0, validators=[MinValueValidator(0)]
    )

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        ordering = ["agency", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="org_unit_code_per_agency")
        ]

    def __str__(self) -> str:
        return self.name


class Staff(models.Model):
    """A staff member: a Django user bound to one agency and one unit. Roles are groups."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.CASCADE,
        related_name="staff",
    )
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="staff"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="staff"
    )
    position = models.CharField("chức vụ", max_length=128, blank=True)
    phone = models.CharField("điện thoại", max_length=32, blank=True)

    class Meta:
        verbose_name = "cán bộ"
        verbose_name_plural = "cán bộ"
        ordering = ["agency", "unit", "user__last_name", "user__first_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """Vietnamese order: family name (last_name) first, then the given name."""
        name = f"{self.user.last_name} {self.user.first_name}".strip()
        return name or self.user.get_username()

    @property
    def roles(self) -> list[str]:
        names = {group.name for group in self.user.groups.all()}
        return [role for role in Role.values if role in names]

    def role_labels(self) -> list[str]:
        return [Role(role).label for role in self.roles]

    def has_role(self, *roles: str) -> bool:
        return any(role in self.roles for role in roles)

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.unit_id and self.agency_id and self.unit.agency_id != self.agency_id:
            raise ValidationError({"unit": "Đơn vị không thuộc cơ quan của cán bộ."})
