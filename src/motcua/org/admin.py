"""The administrator's pages: every row scoped to the agency, the accounts of its staff only.

Two doors are guarded here for every app's admin: which rows a page lists and opens
(`get_queryset` and the object-level `has_*_permission`), and which rows a form offers in its
foreign-key and many-to-many choices (another agency's unit, staff or procedure is never
selectable, so a forged POST with its pk is refused as an invalid choice).
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin, UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from . import permissions
from .forms import StaffInlineFormSet
from .models import Agency, Staff, Unit
from .scoping import scope_to_agency, staff_of

User = get_user_model()


def agency_lookup(model, depth: int = 3) -> str | None:
    """The ORM path from `model` to the agency owning its rows, or None for rows of no agency
    (the deployment's own tables). Found from the foreign keys, so a new model needs no entry."""
    if model is Agency:
        return "pk"
    if model is User:
        return "staff__agency"
    keys = [f for f in model._meta.concrete_fields if f.many_to_one or f.one_to_one]
    for key in keys:
        if key.related_model is Agency:
            return key.name
    for key in keys if depth else []:
        if key.related_model is not model:
            path = agency_lookup(key.related_model, depth - 1)
            if path:
                return key.name if path == "pk" else f"{key.name}__{path}"
    return None


def scoped_choices(request, db_field, kwargs) -> None:
    """Limit a relation's choices to the rows of the user's agency (the operator sees all)."""
    lookup = agency_lookup(db_field.related_model)
    if lookup is not None:
        queryset = kwargs.get("queryset", db_field.related_model._default_manager.all())
        kwargs["queryset"] = scope_to_agency(queryset, request.user, lookup)


class ScopedChoices:
    """Mixed into every ModelAdmin and inline: relation choices only from the own agency."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        scoped_choices(request, db_field, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        scoped_choices(request, db_field, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ScopedTabularInline(ScopedChoices, admin.TabularInline):
    pass


class ScopedStackedInline(ScopedChoices, admin.StackedInline):
    pass


class AgencyScopedAdmin(ScopedChoices, admin.ModelAdmin):
    """Admin pages that show an administrator only the rows of their own agency.

    The permission bits of the role open the page; whether a row is the user's own is asked of
    the row itself, so a bit granted by mistake never opens another agency's rows.
    """

    agency_field = "agency"

    def get_queryset(self, request):
        return scope_to_agency(super().get_queryset(request), request.user, self.agency_field)

    def get_list_filter(self, request):
        # A plain relation filter would list every agency's units and staff by name.
        return [self._related_only(name) for name in super().get_list_filter(request)]

    def _related_only(self, name):
        if isinstance(name, str) and "__" not in name:
            field = self.model._meta.get_field(name)
            if field.is_relation:
                return (name, admin.RelatedOnlyFieldListFilter)
        return name

    def in_scope(self, request, obj) -> bool:
        rows = self.model._default_manager.filter(pk=obj.pk)
        return scope_to_agency(rows, request.user, self.agency_field).exists()

    def has_add_permission(self, request, *args):
        belongs = permissions.is_operator(request.user) or staff_of(request.user) is not None
        return belongs and super().has_add_permission(request, *args)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or self.in_scope(request, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or self.in_scope(request, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or self.in_scope(request, obj))


class ReadOnlyAdmin:
    """A mixin for the admin of a record: read there, never written or deleted there. Put it
    before the scoping base, whose permission methods it replaces."""

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OperatorOnlyAdmin(admin.ModelAdmin):
    """Rows of the whole deployment: only the operator sees and changes them."""

    def has_module_permission(self, request):
        return permissions.is_operator(request.user)

    def has_view_permission(self, request, obj=None):
        return permissions.is_operator(request.user)

    def has_add_permission(self, request, *args):
        return permissions.is_operator(request.user)

    def has_change_permission(self, request, obj=None):
        return permissions.is_operator(request.user)

    def has_delete_permission(self, request, obj=None):
        return permissions.is_operator(request.user)


class RecordedHistory(SimpleHistoryAdmin):
    """The "Lịch sử" page of a row: who changed it, when, and each field from what to what.

    Reverting is off: writing an old row back would go around the services (a published
    procedure version is frozen, a calendar change is validated), so the record only reads.
    """

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied("Không khôi phục phiên bản cũ tại đây; hãy sửa trực tiếp.")
        return super().history_form_view(request, object_id, version_id, extra_context)


class ScopedHistoryAdmin(RecordedHistory, AgencyScopedAdmin):
    """An agency-scoped admin whose rows keep their history (another agency's is a 403)."""


class UnitInline(ScopedTabularInline):
    model = Unit
    extra = 0
    fields = ["code", "name", "is_counter", "staff_quota"]


@admin.register(Agency)
class AgencyAdmin(AgencyScopedAdmin):
    """The operator adds agencies and sets their codes and parents; an agency's administrator
    keeps its name, contacts and units."""

    agency_field = "pk"
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    inlines = [UnitInline]
    operator_fields = ["code", "level", "parent"]

    def get_readonly_fields(self, request, obj=None):
        if permissions.may_manage_agencies(request.user):
            return []
        return self.operator_fields

    def has_add_permission(self, request):
        return permissions.may_manage_agencies(request.user)

    def has_delete_permission(self, request, obj=None):
        return permissions.may_manage_agencies(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or permissions.may_edit_agency(request.user, obj))


@admin.register(Unit)
class UnitAdmin(AgencyScopedAdmin):
    list_display = ["name", "code", "agency", "is_counter", "staff_quota", "staff_count"]
    list_filter = ["agency", "is_counter"]
    search_fields = ["name", "code"]

    @admin.display(description="biên chế hiện có")
    def staff_count(self, obj):
        return obj.staff.count()


@admin.register(Staff)
class StaffAdmin(AgencyScopedAdmin):
    """Staff rows are created with their account (the accounts page); here they are kept."""

    list_display = ["__str__", "user", "agency", "unit", "position", "roles_display"]
    list_filter = ["agency", "unit", "user__groups"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "phone"]
    autocomplete_fields = ["user"]

    def get_readonly_fields(self, request, obj=None):
        if permissions.is_operator(request.user):
            return []
        return ["user", "agency"]

    def has_add_permission(self, request):
        return permissions.is_operator(request.user)

    @admin.display(description="vai trò")
    def roles_display(self, obj):
        return ", ".join(obj.role_labels())


class StaffInline(ScopedStackedInline):
    """The account's Staff row: an agency's administrator creates accounts only with one, in
    their own agency (set by the save, not chosen)."""

    model = Staff
    formset = StaffInlineFormSet
    can_delete = False
    max_num = 1
    fields = ["agency", "unit", "position", "phone"]

    def get_fields(self, request, obj=None):
        if permissions.is_operator(request.user):
            return self.fields
        return [name for name in self.fields if name != "agency"]

    def get_min_num(self, request, obj=None, **kwargs):
        return 0 if permissions.is_operator(request.user) else 1

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        staff = staff_of(request.user)
        formset.agency_id = staff.agency_id if staff else None
        return formset


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class AccountAdmin(ScopedChoices, DjangoUserAdmin):
    """Accounts: the operator manages all; an agency's administrator only their staff's, and
    grants only the product's roles — never superuser status, raw permissions or other groups."""

    inlines = [StaffInline]
    readonly_fields = ["last_login", "date_joined"]
    list_filter = ["is_staff", "is_active", "groups"]
    agency_fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Thông tin cá nhân", {"fields": ("first_name", "last_name", "email")}),
        ("Vai trò", {"fields": ("is_active", "is_staff", "groups")}),
        ("Thời điểm", {"fields": ("last_login", "date_joined")}),
    )

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if permissions.is_operator(request.user):
            return queryset
        return scope_to_agency(queryset.filter(is_superuser=False), request.user, "staff__agency")

    def get_fieldsets(self, request, obj=None):
        if obj is None or permissions.may_grant_superuser(request.user):
            return super().get_fieldsets(request, obj)
        return self.agency_fieldsets

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not permissions.may_grant_superuser(request.user):
            kwargs["queryset"] = Group.objects.filter(name__in=permissions.GRANTABLE_ROLES)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_module_permission(self, request):
        return permissions.may_manage_users(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._may(request, obj) and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return permissions.may_manage_users(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return self._may(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may(request, obj) and super().has_delete_permission(request, obj)

    def _may(self, request, obj) -> bool:
        if obj is None:
            return permissions.may_manage_users(request.user)
        return permissions.may_manage_user(request.user, obj)


@admin.register(Group)
class RoleGroupAdmin(OperatorOnlyAdmin, DjangoGroupAdmin):
    """The role groups and their permissions are set by code (`org/roles.py`) after every
    migration; only the operator looks at groups here."""
