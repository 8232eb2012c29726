"""How values are written on the forms: in Vietnam time, dd/mm/yyyy, "…giờ…phút, ngày…",
money with dots."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

# Forms are read in Vietnam whatever time zone the process runs in.
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def local(moment: datetime) -> datetime:
    return moment.astimezone(VN)


def day(value: datetime | date | None) -> str:
    """04/03/2024; a datetime is read in Vietnam time; None is an empty cell."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local(value).date()
    return f"{value:%d/%m/%Y}"


def moment_words(moment: datetime | None) -> str:
    """The forms' "…giờ…phút, ngày…": 09 giờ 30 phút, ngày 04/03/2024."""
    if moment is None:
        return ""
    moment = local(moment)
    return f"{moment:%H} giờ {moment:%M} phút, ngày {day(moment)}"


def dated_line(on: date) -> str:
    """ngày 04 tháng 3 năm 2024: Decree 30/2020 writes a day below 10 and the months 1 and 2
    with a leading zero, and no other."""
    month = f"{on.month:02d}" if on.month <= 2 else str(on.month)
    return f"ngày {on.day:02d} tháng {month} năm {on.year}"


def money(amount: int | None) -> str:
    """1.250.000 đồng; 0 is "Miễn"; None (not recorded) is "Chưa rõ"."""
    if amount is None:
        return "Chưa rõ"
    if amount == 0:
        return "Miễn"
    return f"{amount:,}".replace(",", ".") + " đồng"
