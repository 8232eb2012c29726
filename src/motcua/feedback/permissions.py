"""Who may do what with the citizens' ratings and the survey campaigns. Pages, the API and the
services ask these predicates; the roles and the refusals live here and nowhere else.

Changing a rating is not a staff permission at all: only the holder of the dossier's tracking
secret changes a rating (see `services.rate`)."""

from motcua.org.constants import Role
from motcua.org.permissions import in_agency

# The tablet at the counter runs in a counter officer's session.
KIOSK_ROLES = (Role.COUNTER_OFFICER,)
# Paper slips handed out with Mẫu 01–03 are typed in at the counter or by the office.
PAPER_ROLES = (Role.COUNTER_OFFICER, Role.OFFICE)
# The agency's ratings, with the officers who handled each dossier.
READERS = (Role.OFFICE, Role.DIRECTOR, Role.UNIT_HEAD, Role.COUNTER_OFFICER, Role.ADMINISTRATOR)
# SIPAS-style survey campaigns.
ORGANIZERS = (Role.OFFICE, Role.DIRECTOR)

KIOSK_REFUSAL = "Thiết bị đánh giá tại quầy dùng tài khoản Cán bộ Một cửa."
PAPER_REFUSAL = "Chỉ Bộ phận Một cửa và Văn phòng nhập phiếu đánh giá."
READ_REFUSAL = "Trang này dành cho cán bộ quản lý."
ORGANIZE_REFUSAL = "Khảo sát sự hài lòng do Văn phòng và Giám đốc quản lý."
AGENCY_REFUSAL = "Hồ sơ không thuộc cơ quan của bạn."


def _in_scope(staff, obj) -> bool:
    """No object, or one of the staff member's agency."""
    return obj is None or in_agency(staff, obj.agency_id)


def may_run_kiosk(staff, dossier=None) -> bool:
    return staff is not None and staff.has_role(*KIOSK_ROLES) and _in_scope(staff, dossier)


def may_enter_paper(staff, dossier=None) -> bool:
    return staff is not None and staff.has_role(*PAPER_ROLES) and _in_scope(staff, dossier)


def may_read_ratings(staff) -> bool:
    return staff is not None and staff.has_role(*READERS)


def may_organize_surveys(staff, campaign=None) -> bool:
    return staff is not None and staff.has_role(*ORGANIZERS) and _in_scope(staff, campaign)
