"""The dossier lifecycle as one explicit table: for every action, the states it may start from,
the state it leads to, and who may take it.

The services in `services.py` consult `check()` before they change anything; the procedure's
internal process supplies the steps that `forward` walks through.
"""

from dataclasses import dataclass
from typing import Literal

from motcua.org.constants import Role
from motcua.org.permissions import heads_unit

from .constants import OPEN_STATES, Action, State
from .errors import Forbidden, InvalidInput, NotAllowedInState

S = State
R = Role
ActorKind = Literal["staff", "applicant", "system"]


@dataclass(frozen=True)
class Actor:
    """Who acts: a staff member, the applicant (online), or the scheduler."""

    kind: ActorKind
    name: str
    staff: object | None = None  # org.Staff for kind == "staff"

    @classmethod
    def of(cls, staff) -> "Actor":
        return cls("staff", staff.full_name, staff)

    @classmethod
    def applicant(cls, name: str) -> "Actor":
        return cls("applicant", name)

    @classmethod
    def system(cls) -> "Actor":
        return cls("system", "Hệ thống")


@dataclass(frozen=True)
class Rule:
    sources: frozenset[State]
    # None: the state does not change, or the service decides (forward, supplement).
    target: State | None
    roles: frozenset[str] = frozenset()  # staff roles that may act; empty: none by role
    applicant: bool = False  # the applicant may take it online
    system: bool = False  # the scheduler may take it
    at_step: bool = False  # staff must hold the dossier's current step
    needs_note: bool = False  # a written reason is required


ANY_OPEN = frozenset(OPEN_STATES)
WORKING = frozenset({S.RECEIVED, S.PROCESSING})
FINISHED = frozenset({S.RESOLVED, S.REFUSED})
EVERY_STAFF = frozenset(Role.values)

TRANSITIONS: dict[Action, Rule] = {
    # Creation: SUBMIT (online) and RECEIVE (counter) have no source state.
    Action.SUBMIT: Rule(frozenset(), S.SUBMITTED, applicant=True),
    Action.RECEIVE: Rule(frozenset(), S.RECEIVED, roles=frozenset({R.COUNTER_OFFICER})),
    Action.ACCEPT: Rule(frozenset({S.SUBMITTED}), S.RECEIVED, roles=frozenset({R.COUNTER_OFFICER})),
    Action.REJECT_ONLINE: Rule(
        frozenset({S.SUBMITTED}),
        S.NOT_ACCEPTED,
        roles=frozenset({R.COUNTER_OFFICER}),
        needs_note=True,
    ),
    Action.ASSIGN: Rule(WORKING, None, roles=frozenset({R.UNIT_HEAD}), at_step=True),
    # A claim is checked against the step's unit by the service: the step has no holder yet.
    Action.CLAIM: Rule(WORKING, None, roles=EVERY_STAFF),
    Action.FORWARD: Rule(WORKING, S.PROCESSING, roles=EVERY_STAFF, at_step=True),
    Action.SEND_BACK: Rule(
        frozenset({S.PROCESSING}), None, roles=EVERY_STAFF, at_step=True, needs_note=True
    ),
    Action.REQUEST_SUPPLEMENT: Rule(
        WORKING, S.AWAITING_SUPPLEMENT, roles=EVERY_STAFF, at_step=True, needs_note=True
    ),
    Action.SUPPLEMENT: Rule(
        frozenset({S.AWAITING_SUPPLEMENT}),
        None,
        roles=frozenset({R.COUNTER_OFFICER}),
        applicant=True,
    ),
    Action.REFUSE: Rule(
        WORKING, S.REFUSED, roles=frozenset({R.UNIT_HEAD, R.DIRECTOR}), needs_note=True
    ),
    Action.WITHDRAW: Rule(
        ANY_OPEN | {S.SUBMITTED}, S.WITHDRAWN, roles=frozenset({R.COUNTER_OFFICER}), applicant=True
    ),
    Action.CANCEL: Rule(
        ANY_OPEN | {S.SUBMITTED}, S.CANCELLED, roles=frozenset({R.DIRECTOR}), needs_note=True
    ),
    Action.SUSPEND: Rule(
        WORKING, S.SUSPENDED, roles=frozenset({R.UNIT_HEAD, R.DIRECTOR}), needs_note=True
    ),
    Action.RESUME: Rule(
        frozenset({S.SUSPENDED}), S.PROCESSING, roles=frozenset({R.UNIT_HEAD, R.DIRECTOR})
    ),
    Action.EXTEND: Rule(WORKING, None, roles=frozenset({R.DIRECTOR}), needs_note=True),
    Action.APOLOGIZE: Rule(
        WORKING, None, roles=frozenset({R.UNIT_HEAD, R.DIRECTOR, R.OFFICE}), needs_note=True
    ),
    Action.CONSULT: Rule(WORKING, None, roles=EVERY_STAFF, at_step=True),
    Action.ANSWER_CONSULTATION: Rule(ANY_OPEN, None, roles=EVERY_STAFF),
    Action.REMIND_CONSULTATION: Rule(ANY_OPEN, None, system=True),
    Action.ESCALATE_CONSULTATION: Rule(ANY_OPEN, None, system=True),
    Action.APPROVE: Rule(
        frozenset({S.PROCESSING}),
        S.RESOLVED,
        roles=frozenset({R.UNIT_HEAD, R.DIRECTOR}),
        at_step=True,
    ),
    Action.REGISTER_RESULT: Rule(FINISHED, None, roles=frozenset({R.CLERK})),
    Action.RETURN_RESULT: Rule(FINISHED, S.RETURNED, roles=frozenset({R.COUNTER_OFFICER})),
    Action.ATTACH: Rule(ANY_OPEN | FINISHED, None, roles=EVERY_STAFF),
}


def holds_step(staff, step) -> bool:
    """Whether `staff` may act on `step`. The head of the step's unit always may. A step the
    head assigned belongs to its assignee alone: a colleague of the same unit or role may not
    forward it, ask for a supplement or consult on it. An unassigned step is open to a counter
    officer at a counter step, to a holder of the step's role (in its unit, if it has one), or,
    when the step names no role, to a specialist of its unit."""
    if step is None:
        return False
    if heads_unit(staff, step.unit_id):
        return True
    if step.assignee_id is not None:
        return step.assignee_id == staff.pk
    if step.unit_id is not None and step.unit_id != staff.unit_id:
        return False
    if step.unit_id is not None and step.unit.is_counter and staff.has_role(R.COUNTER_OFFICER):
        return True
    if step.role:
        return staff.has_role(step.role)
    return step.unit_id is not None and staff.has_role(R.SPECIALIST)


def is_signing_step(dossier, step) -> bool:
    """The step whose decision is the approval: a step away from the counter after which only
    the counter's return remains (the same test as approval's `_only_return_left`)."""
    if step is None or (step.unit_id is not None and step.unit.is_counter):
        return False
    later = _later_steps(dossier, step)
    return later.exists() and not later.exclude(unit__is_counter=True).exists()


# Conditions beyond state and role, read from the dossier itself. Each returns the refusal, or
# None; `check` raises it and `allowed_actions` hides the action.


def _later_steps(dossier, step):
    return dossier.steps.filter(position__gt=step.position) if step else dossier.steps.none()


def _claimable(dossier, step, actor):
    staff = actor.staff
    if step.unit_id is not None and step.unit_id != staff.unit_id:
        return Forbidden(f"Bước «{step.name}» do {step.unit} xử lý.")
    if step.role and not staff.has_role(step.role):
        return Forbidden(f"Bước «{step.name}» dành cho {Role(step.role).label}.")
    if step.assignee_id is not None:
        return NotAllowedInState(f"Bước này đã do {step.assignee.full_name} xử lý.")
    return None


def _forwardable(dossier, step, actor):
    """Forward walks to a next step, but never past the signing step: handing a dossier to the
    return without the approval would leave it where nobody may approve nor return it."""
    if not _later_steps(dossier, step).exists():
        return NotAllowedInState("Đây là bước cuối của quy trình: hãy phê duyệt hoặc trả kết quả.")
    if is_signing_step(dossier, step):
        return NotAllowedInState(
            "Bước ký duyệt phải được phê duyệt hoặc từ chối giải quyết; không thể chuyển hồ sơ "
            "sang bước trả kết quả khi chưa phê duyệt."
        )
    return None


def _has_previous_step(dossier, step, actor):
    if step is None or step.position == 1:
        return NotAllowedInState("Đây là bước đầu tiên; không có bước trước để trả lại.")
    return None


def _only_return_left(dossier, step, actor):
    """Approval is the last decision: every step still ahead must be the counter's return."""
    ahead = _later_steps(dossier, step).exclude(unit__is_counter=True).first()
    if ahead is not None:
        return NotAllowedInState(f"Còn bước «{ahead.name}» phải thực hiện trước khi phê duyệt.")
    return None


def _within_their_unit(dossier, step, actor):
    """A unit head decides (refuse, suspend, resume, apologise) only on a dossier standing at a
    step of their own unit; the director and the office decide for the whole agency."""
    staff = actor.staff
    if staff is None or staff.has_role(R.DIRECTOR, R.OFFICE):
        return None
    if step is not None and step.unit_id is not None and step.unit_id == staff.unit_id:
        return None
    where = f" (hồ sơ đang ở {step.unit})" if step is not None and step.unit_id else ""
    return Forbidden(f"Hồ sơ không ở bước xử lý của đơn vị bạn{where}.")


def _may_apologize(dossier, step, actor):
    return _within_their_unit(dossier, step, actor) or _not_apologized(dossier, step, actor)


def _not_apologized(dossier, step, actor):
    if dossier.apologized_at is not None:
        return NotAllowedInState(
            "Hồ sơ đã được xin lỗi và hẹn lại một lần; quy định chỉ cho hẹn lại không quá một lần."
        )
    return None


def _open_consultation(dossier, step, actor):
    if not dossier.consultations.filter(answered_at__isnull=True).exists():
        return NotAllowedInState("Hồ sơ không có ý kiến nào đang chờ trả lời.")
    return None


def _not_registered(dossier, step, actor):
    if dossier.result_number:
        return NotAllowedInState(f"Kết quả đã được vào sổ với số {dossier.result_number}.")
    return None


def _registered_or_refused(dossier, step, actor):
    if dossier.state == S.RESOLVED and not dossier.result_number:
        return NotAllowedInState("Kết quả chưa được Văn thư vào sổ, cấp số.")
    return None


GUARDS = {
    Action.CLAIM: _claimable,
    Action.FORWARD: _forwardable,
    Action.SEND_BACK: _has_previous_step,
    Action.APPROVE: _only_return_left,
    Action.REFUSE: _within_their_unit,
    Action.SUSPEND: _within_their_unit,
    Action.RESUME: _within_their_unit,
    Action.APOLOGIZE: _may_apologize,
    Action.ANSWER_CONSULTATION: _open_consultation,
    Action.REGISTER_RESULT: _not_registered,
    Action.RETURN_RESULT: _registered_or_refused,
}


def check(
    action: Action, state: State | None, actor: Actor, *, step=None, note: str = "", dossier=None
) -> Rule:
    """The rule of `action`, or the refusal: NotAllowedInState (409), Forbidden (403) or
    InvalidInput (400). With `dossier`, the action's guard is checked too."""
    rule = TRANSITIONS[action]
    label = Action(action).label
    if rule.sources and state not in rule.sources:
        raise NotAllowedInState(
            f"Không thể «{label}» khi hồ sơ đang ở trạng thái «{State(state).label}»."
        )
    if actor.kind == "applicant" and not rule.applicant:
        raise Forbidden(f"Người nộp hồ sơ không được «{label}».")
    if actor.kind == "system" and not rule.system:
        raise Forbidden(f"Hệ thống không tự «{label}».")
    if actor.kind == "staff":
        staff = actor.staff
        if not staff.has_role(*rule.roles):
            allowed = ", ".join(Role(r).label for r in sorted(rule.roles)) or "không ai"
            raise Forbidden(f"Bạn không có quyền «{label}» (dành cho: {allowed}).")
        if rule.at_step and not holds_step(staff, step):
            raise Forbidden(f"Bạn không giữ bước xử lý hiện tại nên không thể «{label}».")
    guard = GUARDS.get(action)
    if dossier is not None and guard is not None:
        refusal = guard(dossier, step, actor)
        if refusal is not None:
            raise refusal
    if rule.needs_note and not note.strip():
        raise InvalidInput(f"«{label}» cần ghi rõ lý do.")
    return rule


def allowed_actions(dossier, actor: Actor) -> list[Action]:
    """The actions `actor` may take on `dossier` now, for the buttons of the dossier page."""
    allowed = []
    step = dossier.current_step
    for action, rule in TRANSITIONS.items():
        if not rule.sources:
            continue
        try:
            check(action, dossier.state, actor, step=step, note="x", dossier=dossier)
        except (Forbidden, NotAllowedInState):
            continue
        allowed.append(action)
    return allowed
