"""The portal's demo rows for the demo Department. Loading twice on the same day changes nothing."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from motcua.catalog.models import Procedure
from motcua.org.models import Agency

from .models import Announcement, SupportSession

# Demo text: it names no real decision, so that nobody mistakes it for one.
ANNOUNCEMENT_TITLE = "Hướng dẫn mới về nộp hồ sơ đăng ký thành lập doanh nghiệp trực tuyến"
ANNOUNCEMENT_BODY = """\
Từ nay, người thành lập doanh nghiệp tư nhân có thể nộp hồ sơ đăng ký thành lập doanh nghiệp \
trực tuyến trên Hệ thống thông tin quốc gia về đăng ký doanh nghiệp và nhận kết quả qua bưu chính.
Thành phần hồ sơ và thời hạn giải quyết không thay đổi. Bộ phận Một cửa tiếp tục nhận hồ sơ giấy \
và hướng dẫn người dân, doanh nghiệp nộp trực tuyến.
(Dữ liệu minh họa của bản trình diễn.)"""
ANNOUNCED_ON = date(2025, 6, 20)
# The business-registration procedures the announcement changes.
ANNOUNCED_PROCEDURES = ["Đăng ký thành lập doanh nghiệp tư nhân"]

SESSION_TITLE = "Ngày thứ bảy tình nguyện"
SESSION_DESCRIPTION = (
    "Đoàn viên Chi đoàn Sở hướng dẫn tra cứu thủ tục, chuẩn bị hồ sơ và nộp hồ sơ trực tuyến; "
    "mang theo căn cước và giấy tờ liên quan."
)
SESSION_COUNT = 3
SESSION_HOURS = (time(7, 30), time(11, 30))


@transaction.atomic
def load_demo_portal(agency: Agency) -> None:
    announcement, _ = Announcement.objects.get_or_create(
        agency=agency,
        title=ANNOUNCEMENT_TITLE,
        defaults={"body": ANNOUNCEMENT_BODY, "published_on": ANNOUNCED_ON},
    )
    announcement.procedures.add(
        *Procedure.objects.filter(agency=agency, versions__name__in=ANNOUNCED_PROCEDURES).distinct()
    )
    place = f"Bộ phận Một cửa, {agency.name}" + (f", {agency.address}" if agency.address else "")
    for saturday in _next_saturdays(timezone.localdate(), SESSION_COUNT):
        start, end = (timezone.make_aware(datetime.combine(saturday, t)) for t in SESSION_HOURS)
        SupportSession.objects.get_or_create(
            agency=agency,
            title=SESSION_TITLE,
            starts_at=start,
            defaults={"ends_at": end, "place": place, "description": SESSION_DESCRIPTION},
        )


def _next_saturdays(today: date, count: int) -> list[date]:
    first = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    return [first + timedelta(weeks=n) for n in range(count)]
