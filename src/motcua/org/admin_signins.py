"""The record of sign-ins (django-axes) in the admin, scoped like the accounts it is about.

The operator sees every row; an agency's administrator sees only the rows whose user name is a
staff account of their agency, and may unlock (delete the failed attempts of) those only. A user
name that belongs to no account shows to the operator alone. Unlocking from the command line:
`motcua axes_reset_username <name>`.
"""

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth import get_user_model

from .admin import ReadOnlyAdmin
from .permissions import is_operator, may_manage_users
from .scoping import staff_of


def own_usernames(user):
    """The user names of the staff of `user`'s agency, as a subquery."""
    agency_id = staff_of(user).agency_id
    return get_user_model().objects.filter(staff__agency_id=agency_id).values("username")


class SignInRecordAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Read-only pages over one of axes' tables, filtered to the reader's agency."""

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        if is_operator(request.user):
            return rows
        if not may_manage_users(request.user):
            return rows.none()
        return rows.filter(username__in=own_usernames(request.user))

    def has_module_permission(self, request):
        return may_manage_users(request.user)

    def has_view_permission(self, request, obj=None):
        return may_manage_users(request.user) and (obj is None or self._in_scope(request, obj))

    def _in_scope(self, request, obj) -> bool:
        return self.get_queryset(request).filter(pk=obj.pk).exists()


class AccessAttemptAdmin(SignInRecordAdmin, axes_admin.AccessAttemptAdmin):
    """Failed attempts still counted; deleting them unlocks the user name."""

    actions = []  # axes' own "clean up expired attempts" acts on every agency's rows

    def has_delete_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)


class AccessLogAdmin(SignInRecordAdmin, axes_admin.AccessLogAdmin):
    """Every successful sign-in: who, when, from which address and browser, and the sign-out."""


class AccessFailureLogAdmin(SignInRecordAdmin, axes_admin.AccessFailureLogAdmin):
    """Every failed sign-in, kept after an unlock (the attempts counter is not)."""


def register(site=admin.site) -> None:
    site.register(AccessAttempt, AccessAttemptAdmin)
    site.register(AccessLog, AccessLogAdmin)
    site.register(AccessFailureLog, AccessFailureLogAdmin)
