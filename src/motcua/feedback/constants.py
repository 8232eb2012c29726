"""The wording of the citizen's rating (Circular 01/2018 Art. 13) and of the SIPAS-style survey."""

from django.db import models


class RatingChannel(models.TextChoices):
    WEB = "web", "Trực tuyến"
    KIOSK = "kiosk", "Thiết bị tại quầy"
    PAPER = "paper", "Phiếu giấy"


class Overall(models.TextChoices):
    VERY_SATISFIED = "very_satisfied", "Rất hài lòng"
    SATISFIED = "satisfied", "Hài lòng"
    DISSATISFIED = "dissatisfied", "Không hài lòng"


# Satisfaction rate = (very satisfied + satisfied) ÷ ratings (vn-rules, decision 6).
SATISFIED_OVERALL = frozenset({Overall.VERY_SATISFIED, Overall.SATISFIED})

SCORES = (2, 1, 0)

# The four indices of Art. 13 the applicant answers (Art. 14(3)), asked as questions to the
# citizen; each answer is scored 2 / 1 / 0 as the article scores the index.
CITIZEN_QUESTIONS = {
    "index1": {
        "number": 1,
        "name": "Tổng thời gian giải quyết thủ tục hành chính so với thời gian cho phép",
        "question": "Ông/Bà nhận kết quả so với ngày hẹn trả như thế nào?",
        "answers": {
            2: "Sớm hơn ngày hẹn",
            1: "Đúng ngày hẹn",
            0: "Muộn hơn ngày hẹn",
        },
    },
    "index3": {
        "number": 3,
        "name": "Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ",
        "question": "Ông/Bà đã phải liên hệ với nơi tiếp nhận bao nhiêu lần để hoàn thiện hồ sơ "
        "(kể cả trực tuyến)?",
        "answers": {
            2: "Không phải liên hệ lần nào",
            1: "1 lần",
            0: "Nhiều hơn 1 lần",
        },
    },
    "index4": {
        "number": 4,
        "name": "Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ",
        "question": "Ông/Bà đã phải liên hệ với bao nhiêu cơ quan, đơn vị để hoàn thiện hồ sơ?",
        "answers": {
            2: "Không phải liên hệ cơ quan nào",
            1: "Chỉ liên hệ Bộ phận Một cửa",
            0: "Nhiều hơn một cơ quan, đơn vị",
        },
    },
    "index7": {
        "number": 7,
        "name": "Thái độ của cán bộ, công chức, viên chức khi giải quyết thủ tục hành chính",
        "question": "Cán bộ, công chức giải quyết hồ sơ của Ông/Bà như thế nào?",
        "answers": {
            2: "Trả kết quả sớm và không gây phiền hà, sách nhiễu",
            1: "Trả kết quả đúng hẹn và không gây phiền hà, sách nhiễu",
            0: "Có gây phiền hà, sách nhiễu hoặc có hành vi sai phạm",
        },
    },
}
INDEX_FIELDS = tuple(CITIZEN_QUESTIONS)

OVERALL_QUESTION = "Nhìn chung, Ông/Bà có hài lòng với việc giải quyết hồ sơ không?"


class CampaignState(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    OPEN = "open", "Đang khảo sát"
    CLOSED = "closed", "Đã kết thúc"


class SurveyChannel(models.TextChoices):
    WEB = "web", "Trực tuyến"
    PAPER = "paper", "Phiếu giấy"


class SurveyElement(models.TextChoices):
    """The five elements measured under Decision 2640/QĐ-BNV (vn-rules §9)."""

    ACCESS = "access", "Tiếp cận dịch vụ"
    PROCEDURE = "procedure", "Thủ tục hành chính"
    OFFICIALS = "officials", "Công chức trực tiếp giải quyết công việc"
    RESULT = "result", "Kết quả dịch vụ"
    FEEDBACK = "feedback", "Việc tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị"


# The official SIPAS items and scale were not found: this scale and these items are an
# illustration, copied into each campaign where the office may change them.
DEFAULT_SCALE = (
    ("Rất không hài lòng", False),
    ("Không hài lòng", False),
    ("Bình thường", False),
    ("Hài lòng", True),
    ("Rất hài lòng", True),
)

ILLUSTRATIVE_ITEMS = (
    (SurveyElement.ACCESS, "Nơi ngồi chờ, trang thiết bị phục vụ tại Bộ phận Một cửa"),
    (SurveyElement.ACCESS, "Việc tìm hiểu thông tin về thủ tục trên cổng thông tin, bảng niêm yết"),
    (SurveyElement.PROCEDURE, "Thủ tục được niêm yết công khai, đầy đủ, chính xác"),
    (SurveyElement.PROCEDURE, "Thành phần hồ sơ và phí, lệ phí phải nộp đúng quy định"),
    (SurveyElement.OFFICIALS, "Công chức có thái độ lịch sự, tôn trọng khi tiếp nhận"),
    (SurveyElement.OFFICIALS, "Công chức hướng dẫn kê khai hồ sơ tận tình, dễ hiểu, một lần"),
    (SurveyElement.RESULT, "Kết quả đúng quy định, thông tin chính xác"),
    (SurveyElement.RESULT, "Kết quả được trả đúng hoặc sớm hơn ngày hẹn"),
    (SurveyElement.FEEDBACK, "Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị"),
    (SurveyElement.FEEDBACK, "Góp ý, phản ánh, kiến nghị được tiếp nhận và trả lời kịp thời"),
)
ILLUSTRATIVE_NOTE = (
    "Bộ câu hỏi minh họa theo năm yếu tố của Quyết định 2640/QĐ-BNV; chưa có bộ câu hỏi chính "
    "thức của SIPAS, cơ quan có thể sửa trước khi mở khảo sát."
)
