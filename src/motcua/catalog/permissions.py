"""Who may see and change the catalogue: every staff member reads their own agency's
procedures, drafts included; the office and the administrator import and export it (and edit
it in the admin); nobody reads another agency's drafts or changes another agency's procedures.
Issued versions are public (the API and the portal), so are their form templates."""

from motcua.org.constants import Role
from motcua.org.permissions import in_agency

CATALOGUE_MANAGERS = (Role.OFFICE, Role.ADMINISTRATOR)

MANAGE_REFUSAL = "Chỉ Văn phòng và Quản trị hệ thống được nhập, xuất danh mục."


def may_manage_catalogue(staff) -> bool:
    """Import, export and edit the catalogue of one's own agency."""
    return staff is not None and (staff.user.is_superuser or staff.has_role(*CATALOGUE_MANAGERS))


def may_import(staff) -> bool:
    return may_manage_catalogue(staff)


def may_export(staff) -> bool:
    return may_manage_catalogue(staff)


def may_view_procedure(staff, procedure) -> bool:
    """The staff page of a procedure, drafts and retired versions included."""
    return in_agency(staff, procedure.agency_id)


def may_download_template(staff, document) -> bool:
    """An issued version's form template is public; a draft's is its agency's staff's."""
    version = document.version
    return not version.is_draft or in_agency(staff, version.procedure.agency_id)
