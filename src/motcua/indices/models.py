from django.db import models

from motcua.org.models import Agency

from .constants import TargetKey


class Target(models.Model):
    """A plan's minimum for one index in one year: the dashboards show it beside the actual."""

    agency = models.ForeignKey(Agency, verbose_name="cơ quan", on_delete=models.CASCADE,
                               related_name="index_targets")
    year = models.PositiveSmallIntegerField("năm")
    key = models.CharField("chỉ số", max_length=32, choices=TargetKey.choices)
    value = models.DecimalField("chỉ tiêu (%, tối thiểu)", max_digits=5, decimal_places=2)
    source = models.TextField("căn cứ", blank=True,
                              help_text="Kế hoạch, mục giao chỉ tiêu.")

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["agency", "-year", "key"]
        constraints = [models.UniqueConstraint(fields=["agency", "year", "key"],
                                               name="indices_target_per_year")]

    def __str__(self) -> str:
        return f"{self.get_key_display()} {self.year}: ≥ {self.value} %"
