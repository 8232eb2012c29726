"""Who may print a form: the rule the print pages, the DOCX downloads and the API ask.

A dossier's forms (Mẫu 01–05/06 and the stop notice) carry the applicant's details: they are
printed by whoever may read the dossier (`dossiers.permissions.may_view`, the staff of its
agency). A guidance slip by the staff of the agency that issued it; the dossier register by any
staff member, for their own agency only. Another agency's dossier or slip is answered 404, as
if it did not exist.
"""

from motcua.dossiers.permissions import may_view
from motcua.org.permissions import in_agency

NO_AGENCY = "Sổ theo dõi hồ sơ in theo cơ quan; tài khoản này không thuộc cơ quan nào."


def may_print_dossier_form(staff, dossier) -> bool:
    return may_view(staff, dossier)


def may_print_slip(staff, slip) -> bool:
    return in_agency(staff, slip.agency_id)


def may_print_register(staff) -> bool:
    """The register is printed for the caller's own agency, so any of its staff may."""
    return staff is not None
