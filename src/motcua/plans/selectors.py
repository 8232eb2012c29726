"""Read queries: who sees which plan tasks and assignments, by the predicates of permissions."""

from django.db.models import Count, Q, QuerySet

from motcua.org.scoping import scope_to_agency, staff_of

from .models import Assignment, Plan, PlanTask
from .permissions import follows_everything, may_view_plan


def visible_plans(user) -> QuerySet[Plan]:
    return scope_to_agency(Plan.objects.all(), user)


def visible_tasks(user, plan: Plan) -> QuerySet[PlanTask]:
    """The management of the plan's agency sees every task; a unit those it leads or
    co-operates on; anyone else (another agency included) none."""
    tasks = (
        PlanTask.objects.filter(plan=plan)
        .select_related("lead_unit", "section")
        .prefetch_related("co_units")
        .annotate(report_count=Count("progress"))
    )
    staff = staff_of(user)
    if not may_view_plan(staff, plan):
        return tasks.none()
    if follows_everything(staff):
        return tasks
    return tasks.filter(Q(lead_unit=staff.unit_id) | Q(co_units=staff.unit_id)).distinct()


def visible_assignments(user) -> QuerySet[Assignment]:
    """The management sees every assignment of its agency; a unit those given to it."""
    staff = staff_of(user)
    if staff is None:
        return Assignment.objects.none()
    assignments = Assignment.objects.filter(agency=staff.agency_id).select_related(
        "unit", "assignee__user"
    )
    if follows_everything(staff):
        return assignments
    return assignments.filter(unit=staff.unit_id)
