"""The rows of the process control sheet (Mẫu 05 of 2018, 06 of 2025): one per hand-over of
the file between holders, read from the dossier's event record, each marked Trước hạn / Đúng
hạn / Quá hạn for the step that handed the file on."""

from datetime import datetime

from motcua.dossiers.constants import Action
from motcua.dossiers.models import Dossier, DossierEvent, DossierStep

from .formatting import local, moment_words

EARLY, ON_TIME, LATE = "Trước hạn", "Đúng hạn", "Quá hạn"
APPLICANT_PLACE = "Tổ chức, cá nhân"

# The actions that move the file from one holder to the next.
HANDOVERS = frozenset(
    {Action.FORWARD, Action.SEND_BACK, Action.APPROVE, Action.REFUSE, Action.RETURN_RESULT}
)


def step_result(handed_at: datetime, due_at: datetime | None) -> str:
    """The project's rule for a finished dossier (decision 5) applied to one step: early
    before its due day, on time on that day up to the due moment, late after it."""
    if due_at is None:
        return ""
    if handed_at > due_at:
        return LATE
    if local(handed_at).date() < local(due_at).date():
        return EARLY
    return ON_TIME


def _next_to(steps: list[DossierStep], step: DossierStep | None, offset: int):
    if step is None:
        return None
    index = steps.index(step) + offset
    return steps[index] if 0 <= index < len(steps) else None


def _ends(event: DossierEvent, steps: list[DossierStep], by_id: dict):
    """(the step that held the file, the step that takes it) for a hand-over; for any other
    event, (its step, None). The services record forward and send-back at the step reached,
    and approval or refusal at the step left, which hands over to the last step (the counter)."""
    step = by_id.get(event.step_id)
    if event.action == Action.FORWARD:
        return _next_to(steps, step, -1), step
    if event.action == Action.SEND_BACK:
        return _next_to(steps, step, +1), step
    if event.action in (Action.APPROVE, Action.REFUSE):
        last = steps[-1] if steps else None
        ahead = last is not None and step is not None and last.position > step.position
        return step, last if ahead else None
    return step, None


def _due(event: DossierEvent, giver: DossierStep | None) -> datetime | None:
    """The giving step's due moment when it handed over. The event's own record comes first:
    a step restarted later (sent back, resumed) has another due moment now."""
    recorded = event.data.get("from_step_due_at")
    if recorded:
        return datetime.fromisoformat(recorded)
    if giver is not None and giver.finished_at == event.at:
        return giver.due_at
    return None


def _place(step: DossierStep | None, agency: str, fallback: str) -> str:
    """The unit of a step, the agency for a step of no unit (the director's), `fallback`
    when there is no step."""
    if step is None:
        return fallback
    return f"{step.unit.name if step.unit_id else agency} ({step.name})"


def _note(event: DossierEvent) -> str:
    text = event.note
    if event.data.get("tracking_number"):
        text = ", ".join(filter(None, [text, f"số hiệu bưu gửi {event.data['tracking_number']}"]))
    if event.action == Action.FORWARD:
        return text
    label = Action(event.action).label
    return f"{label}: {text}" if text else label


def _taker_name(later: list[tuple], taker: DossierStep | None) -> str:
    """Who took the file: the first staff member who acted at the receiving step afterwards
    (the unit head who assigns it, the officer who forwards it on), else its assignee."""
    if taker is None:
        return ""
    for event, acting_step in later:
        if acting_step is taker and event.actor_id is not None:
            return event.actor_name
    return taker.assignee.full_name if taker.assignee_id else ""


def handover_rows(dossier: Dossier) -> list[dict]:
    steps = list(dossier.steps.select_related("unit", "assignee__user").order_by("position"))
    by_id = {step.pk: step for step in steps}
    events = list(dossier.events.select_related("actor__unit").order_by("at", "pk"))
    ends = [_ends(event, steps, by_id) for event in events]
    acting = [(event, giver) for event, (giver, _) in zip(events, ends)]
    agency = dossier.agency.name
    counter = dossier.received_by.unit.name if dossier.received_by_id else agency
    rows = []
    for index, (event, (giver, taker)) in enumerate(zip(events, ends)):
        if event.action not in HANDOVERS:
            continue
        giver_fallback = event.actor.unit.name if event.actor_id else agency
        if event.action == Action.RETURN_RESULT:
            taker_place, taker_name = APPLICANT_PLACE, dossier.applicant_name
        else:
            taker_place = _place(taker, agency, counter)
            taker_name = _taker_name(acting[index + 1 :], taker)
        rows.append(
            {
                "number": len(rows) + 1,
                "giver_place": _place(giver, agency, giver_fallback),
                "taker_place": taker_place,
                "handed_at": moment_words(event.at),
                "giver": event.actor_name,
                "taker": taker_name,
                "result": step_result(event.at, _due(event, giver)),
                "note": _note(event),
            }
        )
    return rows
