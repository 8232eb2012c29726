"""Public codes of questions (HD-YYMMDD-XXXX) and complaints (PA-YYMMDD-XXXX), and secrets."""

import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

QUESTION_PREFIX = "HD"
COMPLAINT_PREFIX = "PA"
_ATTEMPTS = 5


def create_with_code(model, prefix: str, moment, **fields):
    """Create a `model` row with the next free code of the day of `moment`.

    The number follows the day's highest; a concurrent insert of the same code (another
    agency, or a race) is retried with a fresh number inside a savepoint.
    """
    day = f"{prefix}-{timezone.localtime(moment):%y%m%d}-"
    for _ in range(_ATTEMPTS):
        last = (
            model.objects.filter(code__startswith=day)
            .order_by("-code")
            .values_list("code", flat=True)
            .first()
        )
        code = f"{day}{(int(last.removeprefix(day)) + 1) if last else 1:04d}"
        try:
            with transaction.atomic():
                return model.objects.create(code=code, **fields)
        except IntegrityError:
            if not model.objects.filter(code=code).exists():
                raise  # another unique field (e.g. a Message-ID taken twice)
    raise IntegrityError(f"no free code for {day}")


def new_secret() -> str:
    """Eight characters printed on the receipt or e-mailed; with the code they open the case."""
    return secrets.token_hex(4).upper()
