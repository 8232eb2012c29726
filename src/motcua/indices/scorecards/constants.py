from django.db import models


class ScorecardKind(models.TextChoices):
    PAR = "PAR", "Chỉ số cải cách hành chính (PAR INDEX)"
    PCI = "PCI", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)"


# The tree's levels, from the depth of the printed code ("1", "1.2", "1.2.3").
LEVEL_LABELS = {1: "Lĩnh vực", 2: "Tiêu chí", 3: "Tiêu chí thành phần"}
MAX_DEPTH = len(LEVEL_LABELS)


def vn_number(value) -> str:
    """A point value as Vietnamese write it in messages: 4,5 and 10 (not 4.50, 10.00)."""
    return f"{value.normalize():f}".replace(".", ",")
