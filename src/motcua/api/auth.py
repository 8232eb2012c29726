"""Who calls the staff API: a bearer token (integrations, scripts) or the signed-in session (the
JavaScript of the staff pages). Either way the caller must be a staff member, and the endpoint
receives the `Staff` row as `request.auth`."""

from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from motcua.org.models import Staff

from .models import ApiToken

UNAUTHENTICATED = (
    "Chưa xác thực: cần mã truy cập hợp lệ (tiêu đề «Authorization: Bearer <mã>») hoặc đăng nhập."
)
NOT_STAFF = "Tài khoản này không gắn với cán bộ của cơ quan nào nên không được dùng API nghiệp vụ."
CSRF_FAILED = (
    "Yêu cầu từ phiên đăng nhập thiếu mã chống giả mạo (CSRF): gửi kèm tiêu đề X-CSRFToken."
)


def _staff(user) -> Staff:
    # Roles are read many times per request (the transition table); prefetch the groups once.
    staff = (
        Staff.objects.select_related("user", "agency", "unit")
        .prefetch_related("user__groups")
        .filter(user=user)
        .first()
    )
    if staff is None:
        raise HttpError(403, NOT_STAFF)
    return staff


class StaffToken(HttpBearer):
    """`Authorization: Bearer <token>`, a token issued by `motcua issue_api_token`."""

    def authenticate(self, request, token):
        user = ApiToken.user_for(token)
        return _staff(user) if user is not None else None


class StaffSession(SessionAuth):
    """The signed-in Django session. Unsafe methods need the CSRF token, like every form of the
    site. Ninja would check it before knowing whether anyone is signed in, answering 403 to an
    anonymous call; checked here once the session is known, that call gets 401."""

    def __init__(self):
        super().__init__(csrf=False)

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user is None:
            return None
        if check_csrf(request) is not None:
            raise HttpError(403, CSRF_FAILED)
        return _staff(user)


staff_auth = [StaffToken(), StaffSession()]
