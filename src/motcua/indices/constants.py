from django.db import models


class TargetKey(models.TextChoices):
    """The indices a plan sets a minimum for. On time and online are computed from dossiers,
    TTHC and investment satisfaction from the applicants' ratings; SIPAS comes from the survey
    campaigns and PAR INDEX from the province's scorecard."""

    ON_TIME = "on_time", "Tỷ lệ hồ sơ giải quyết đúng hạn"
    ONLINE = "online", "Tỷ lệ hồ sơ tiếp nhận và giải quyết trực tuyến"
    SATISFACTION = "satisfaction", "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)"
    TTHC_SATISFACTION = "tthc_satisfaction", "Mức độ hài lòng trong giải quyết TTHC"
    INVESTMENT_SATISFACTION = "investment_satisfaction", "Mức độ hài lòng với TTHC lĩnh vực đầu tư"
    PAR_INDEX = "par_index", "Chỉ số cải cách hành chính (PAR INDEX) của Sở"
