"""Read queries: who sees which plan tasks and assignments."""

from django.db.models import Count, Q, QuerySet

from motcua.org.scoping import scope_to_agency, staff_of

from .models import Assignment, Plan, PlanTask
from .services import is_office


def visible_plans(user) -> QuerySet[Plan]:
    return scope_to_agency(Plan.objects.all(), user)


def visible_tasks(user, plan: Plan) -> QuerySet[PlanTask]:
    """The office sees every task; a unit sees those it leads or co-operates on."""
    tasks = (PlanTask.objects.filter(plan=plan).select_related("lead_unit", "section")
             .prefetch_related("co_units").annotate(report_count=Count("progress")))
    staff = staff_of(user)
    if staff is None:
        return tasks if user.is_superuser else tasks.none()
    if is_office(staff):
        return tasks
    return tasks.filter(Q(lead_unit=staff.unit_id) | Q(co_units=staff.unit_id)).distinct()


def visible_assignments(user) -> QuerySet[Assignment]:
    assignments = scope_to_agency(Assignment.objects.all(), user).select_related(
        "unit", "assignee__user")
    staff = staff_of(user)
    if staff is None or is_office(staff):
        return assignments
    return assignments.filter(unit=staff.unit_id)
