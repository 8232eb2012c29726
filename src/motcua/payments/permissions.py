"""Who may see the money: the agency's online payments, the refused gateway callbacks and a
dossier's payments. Pages, the API and the dossier page's payments table ask these predicates;
the roles and the refusal live here and nowhere else.

The applicant pays through the links that carry the dossier's tracking secret; that is not a
staff permission and is checked by `dossiers.selectors.dossier_by_secret`."""

from motcua.org.constants import Role
from motcua.org.permissions import in_agency

# The counter collects fees, the office keeps the accounts, the director answers for them.
MONEY_READERS = (Role.COUNTER_OFFICER, Role.OFFICE, Role.DIRECTOR)
MONEY_REFUSAL = "Chỉ Bộ phận Một cửa, Văn phòng và Giám đốc xem các khoản thanh toán."


def may_see_payments(staff, dossier=None) -> bool:
    """The agency's payments, or those of `dossier` when given."""
    if staff is None or not staff.has_role(*MONEY_READERS):
        return False
    return dossier is None or in_agency(staff, dossier.agency_id)
