"""Who may see a dossier and take each action on it: the one place the staff pages, the API,
the printed forms and the exports ask.

Reading: every staff member of the dossier's agency may read every dossier of that agency —
the counter answers the applicant about any of them, the clerk registers any result, the
director and the office oversee all — and nobody of another agency may (their pages and the
API answer 404, as if the dossier did not exist). The applicant reads their own dossier with
its tracking secret (`selectors.dossier_by_secret`), never through these pages.

Acting: the transition table of `lifecycle.py` (states, roles, the holder of the current step,
the guards) stays the source of every action rule; `may_act` asks it, so a button shown, a page
POST and an API call cannot disagree.
"""

from motcua.org.permissions import in_agency

from .constants import Action
from .errors import Forbidden, NotAllowedInState
from .lifecycle import TRANSITIONS, Actor, check

# The roles the worklist "to sign" is drawn for: those who may approve a signing step.
SIGNING_ROLES = tuple(sorted(TRANSITIONS[Action.APPROVE].roles))
RECEIVE_REFUSAL = "Chỉ cán bộ Một cửa được tiếp nhận hồ sơ."
NOT_OURS = "Hồ sơ không thuộc cơ quan của bạn."


def may_view(staff, dossier) -> bool:
    """Any staff member of the dossier's agency (see the module's docstring for why)."""
    return in_agency(staff, dossier.agency_id)


def may_receive(staff) -> bool:
    """Receiving at the counter (and issuing a guidance slip) is the counter officer's."""
    return staff is not None and staff.has_role(*TRANSITIONS[Action.RECEIVE].roles)


def may_act(staff, dossier, action) -> bool:
    """Whether `staff` may take `action` on `dossier` now, by the lifecycle table: the state,
    the role, the holder of the current step and the action's guard."""
    if not may_view(staff, dossier) or action not in TRANSITIONS:
        return False
    try:
        check(
            action,
            dossier.state,
            Actor.of(staff),
            step=dossier.current_step,
            note="x",
            dossier=dossier,
        )
    except (Forbidden, NotAllowedInState):
        return False
    return True


def may_download(staff, attachment) -> bool:
    """A dossier's file is read by those who may read the dossier."""
    return may_view(staff, attachment.dossier)


def may_sign(staff) -> bool:
    """Whether the worklist of dossiers waiting for a signature concerns `staff`."""
    return staff is not None and staff.has_role(*SIGNING_ROLES)
