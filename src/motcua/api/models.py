"""API tokens. The token is a long random secret shown once; only its SHA-256 digest is kept,
so a copy of the database gives nobody access."""

from datetime import timedelta
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

TOKEN_PREFIX = "mc_"
# Enough of the token to tell tokens apart in the admin; the rest keeps over 200 random bits.
SHOWN_LENGTH = len(TOKEN_PREFIX) + 8
# Recording every use would turn every API read into a write; a minute is precise enough.
LAST_USED_PRECISION = timedelta(minutes=1)


def hash_token(token: str) -> str:
    # A plain digest suffices: the token is random, not a password a dictionary could guess.
    return hashlib.sha256(token.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(
        "mục đích", max_length=100, blank=True, help_text="Ví dụ: đồng bộ Cổng dịch vụ công tỉnh."
    )
    prefix = models.CharField("đầu mã", max_length=16, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    last_used_at = models.DateTimeField("dùng lần cuối", null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField("thu hồi lúc", null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "mã truy cập API"
        verbose_name_plural = "mã truy cập API"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name or self.user})"

    @classmethod
    def issue(cls, user, name: str = "") -> tuple["ApiToken", str]:
        """A new token for `user`: the row, and the token itself, which is not kept."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        row = cls.objects.create(
            user=user, name=name, prefix=token[:SHOWN_LENGTH], token_hash=hash_token(token)
        )
        return row, token

    @classmethod
    def user_for(cls, token: str):
        """The active user a usable token belongs to, or None."""
        row = (
            cls.objects.usable().select_related("user").filter(token_hash=hash_token(token)).first()
        )
        if row is None:
            return None
        now = timezone.now()
        if row.last_used_at is None or now - row.last_used_at > LAST_USED_PRECISION:
            cls.objects.filter(pk=row.pk).update(last_used_at=now)
        return row.user

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
