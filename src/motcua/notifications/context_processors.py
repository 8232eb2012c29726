from .selectors import unread_for


def unread(request):
    """How many unread in-app notifications the signed-in user has, for the navbar."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_for(user).count()}
