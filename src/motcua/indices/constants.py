from django.db import models


class TargetKey(models.TextChoices):
    """The indices a plan sets a minimum for; the first two are computed here from dossiers,
    the others come from surveys and ratings."""

    ON_TIME = "on_time", "Tỷ lệ hồ sơ giải quyết đúng hạn"
    ONLINE = "online", "Tỷ lệ hồ sơ tiếp nhận và giải quyết trực tuyến"
    SATISFACTION = "satisfaction", "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)"
    TTHC_SATISFACTION = "tthc_satisfaction", "Mức độ hài lòng trong giải quyết TTHC"
    INVESTMENT_SATISFACTION = "investment_satisfaction", "Mức độ hài lòng với TTHC lĩnh vực đầu tư"
    PAR_INDEX = "par_index", "Chỉ số cải cách hành chính (PAR INDEX) của Sở"
