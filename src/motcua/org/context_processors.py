from .scoping import staff_of


def staff(request):
    """The signed-in staff member (or None) for every template, as `staff`."""
    return {"staff": staff_of(getattr(request, "user", None))}
