"""The API's `limit`/`offset` pagination, bounded: ninja's own accepts any integer, and an
offset past what the database can hold (e.g. 10**20) reached the SQL and answered a 500.
NINJA_PAGINATION_CLASS names this class, so every `@paginate` list uses it."""

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from motcua.core.bounds import MAX_OFFSET, MAX_OFFSET_TEXT

MAX_LIMIT = 500


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(
            settings.NINJA_PAGINATION_PER_PAGE,
            ge=1,
            le=MAX_LIMIT,
            description=f"Số mục mỗi trang, từ 1 đến {MAX_LIMIT}.",
        )
        offset: int = Field(
            0, ge=0, le=MAX_OFFSET, description=f"Bỏ qua bao nhiêu mục đầu ({MAX_OFFSET_TEXT})."
        )

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
