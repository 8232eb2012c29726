from django.db import models


class PaymentState(models.TextChoices):
    PENDING = "pending", "Đang chờ thanh toán"
    PAID = "paid", "Đã thanh toán"
    FAILED = "failed", "Thanh toán không thành công"
    ABANDONED = "abandoned", "Bỏ dở"


class Verdict(models.TextChoices):
    """What became of one callback from a gateway."""

    ACCEPTED = "accepted", "Chấp nhận"
    DUPLICATE = "duplicate", "Trùng lặp, đã xử lý trước đó"
    REJECTED = "rejected", "Từ chối"


class Channel(models.TextChoices):
    """How a callback arrived: the browser coming back, or the gateway's server notification."""

    RETURN = "return", "Trình duyệt quay về"
    NOTIFY = "notify", "Thông báo từ máy chủ cổng (IPN)"
