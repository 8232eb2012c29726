from django.db import models


class State(models.TextChoices):
    """Internal states of a dossier. `NATIONAL_STATUS` maps them onto the ten national codes."""

    SUBMITTED = "submitted", "Chờ tiếp nhận"
    NOT_ACCEPTED = "not_accepted", "Không được tiếp nhận"
    RECEIVED = "received", "Đã tiếp nhận"
    PROCESSING = "processing", "Đang xử lý"
    AWAITING_SUPPLEMENT = "awaiting_supplement", "Chờ bổ sung hồ sơ"
    SUSPENDED = "suspended", "Tạm dừng giải quyết"
    RESOLVED = "resolved", "Đã có kết quả"
    REFUSED = "refused", "Từ chối giải quyết"
    WITHDRAWN = "withdrawn", "Đã rút / dừng theo yêu cầu"
    CANCELLED = "cancelled", "Đã hủy"
    RETURNED = "returned", "Đã trả kết quả"


# The national status codes (vn-rules §2.4) used by reports and portal sync.
NATIONAL_STATUS = {
    State.SUBMITTED: 1,  # Mới đăng ký
    State.RECEIVED: 2,  # Được tiếp nhận
    State.NOT_ACCEPTED: 3,  # Không được tiếp nhận
    State.PROCESSING: 4,  # Đang xử lý
    State.AWAITING_SUPPLEMENT: 5,  # Yêu cầu bổ sung giấy tờ
    State.WITHDRAWN: 7,  # Công dân yêu cầu rút hồ sơ
    State.SUSPENDED: 8,  # Dừng xử lý
    State.CANCELLED: 8,
    State.RESOLVED: 9,  # Đã xử lý xong
    State.REFUSED: 9,
    State.RETURNED: 10,  # Đã trả kết quả
}

OPEN_STATES = frozenset(
    {State.RECEIVED, State.PROCESSING, State.AWAITING_SUPPLEMENT, State.SUSPENDED}
)
CLOSED_STATES = frozenset({State.NOT_ACCEPTED, State.WITHDRAWN, State.CANCELLED, State.RETURNED})


class Channel(models.TextChoices):
    """How the dossier arrived; the values are the national `KenhThucHien` codes."""

    COUNTER = "1", "Trực tiếp"
    ONLINE = "2", "Trực tuyến"
    POST = "3", "Bưu chính công ích"


class ApplicantKind(models.TextChoices):
    PERSON = "person", "Cá nhân"
    ORGANIZATION = "organization", "Tổ chức, doanh nghiệp"


class ReturnMethod(models.TextChoices):
    COUNTER = "counter", "Nhận tại Bộ phận Một cửa"
    POST = "post", "Nhận qua bưu chính công ích"
    ONLINE = "online", "Nhận kết quả điện tử"


class Action(models.TextChoices):
    """Every lifecycle action, named after the glossary; each is one service call."""

    SUBMIT = "submit", "Nộp trực tuyến"
    ACCEPT = "accept", "Tiếp nhận hồ sơ trực tuyến"
    REJECT_ONLINE = "reject_online", "Trả lại hồ sơ trực tuyến"
    RECEIVE = "receive", "Tiếp nhận tại Bộ phận Một cửa"
    ASSIGN = "assign", "Phân công xử lý"
    CLAIM = "claim", "Nhận xử lý"
    FORWARD = "forward", "Chuyển bước tiếp theo"
    SEND_BACK = "send_back", "Trả lại bước trước"
    REQUEST_SUPPLEMENT = "request_supplement", "Yêu cầu bổ sung hồ sơ"
    SUPPLEMENT = "supplement", "Nhận hồ sơ bổ sung"
    REFUSE = "refuse", "Từ chối giải quyết"
    WITHDRAW = "withdraw", "Rút hồ sơ / dừng giải quyết theo yêu cầu"
    CANCEL = "cancel", "Hủy hồ sơ"
    SUSPEND = "suspend", "Tạm dừng giải quyết"
    RESUME = "resume", "Tiếp tục giải quyết"
    EXTEND = "extend", "Gia hạn"
    APOLOGIZE = "apologize", "Xin lỗi và hẹn lại ngày trả kết quả"
    CONSULT = "consult", "Lấy ý kiến cơ quan liên quan"
    ANSWER_CONSULTATION = "answer_consultation", "Ghi nhận ý kiến trả lời"
    REMIND_CONSULTATION = "remind_consultation", "Đôn đốc cơ quan được lấy ý kiến"
    ESCALATE_CONSULTATION = "escalate_consultation", "Báo cáo UBND tỉnh việc chậm trả lời"
    APPROVE = "approve", "Phê duyệt kết quả"
    REGISTER_RESULT = "register_result", "Vào sổ, cấp số kết quả"
    RETURN_RESULT = "return_result", "Trả kết quả"
    ATTACH = "attach", "Đính kèm tài liệu"


class CancelCase(models.TextChoices):
    """The cases in which a dossier may be cancelled; anything else is a refusal or withdrawal."""

    DUPLICATE = "duplicate", "Hồ sơ bị nhập trùng"
    ENTRY_ERROR = "entry_error", "Nhập sai thủ tục hoặc sai thông tin khi tiếp nhận"
    FORGED = "forged", "Giấy tờ giả mạo, gian lận"


class Timeliness(models.TextChoices):
    """Finished dossiers (Decision 5): early, on time, late. Open ones: within time, due soon
    (more than 80 % of the time used), overdue; paused while the clock is stopped."""

    EARLY = "early", "Trước hạn"
    ON_TIME = "on_time", "Đúng hạn"
    LATE = "late", "Trễ hạn"
    WITHIN = "within", "Trong hạn"
    DUE_SOON = "due_soon", "Sắp đến hạn"
    OVERDUE = "overdue", "Quá hạn"
    PAUSED = "paused", "Tạm dừng tính thời gian"


class Worklist(models.TextChoices):
    TO_RECEIVE = "to_receive", "Chờ tiếp nhận (trực tuyến)"
    TO_ASSIGN = "to_assign", "Chờ phân công"
    MY_STEPS = "my_steps", "Hồ sơ tôi đang xử lý"
    WAITING = "waiting", "Chờ người dân bổ sung"
    CONSULTING = "consulting", "Đang lấy ý kiến"
    TO_SIGN = "to_sign", "Chờ ký duyệt"
    TO_REGISTER = "to_register", "Chờ vào sổ kết quả"
    TO_RETURN = "to_return", "Chờ trả kết quả"
    ALL_OPEN = "all_open", "Tất cả hồ sơ đang giải quyết"
