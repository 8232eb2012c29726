from django.contrib import admin

from .models import Agency, Staff, Unit
from .scoping import scope_to_agency, staff_of


class AgencyScopedAdmin(admin.ModelAdmin):
    """Admin pages that show an administrator only the rows of their own agency."""

    agency_field = "agency"

    def get_queryset(self, request):
        return scope_to_agency(super().get_queryset(request), request.user, self.agency_field)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        staff = staff_of(request.user)
        if staff is not None and db_field.name == "agency":
            kwargs["queryset"] = Agency.objects.filter(pk=staff.agency_id)
        elif staff is not None and db_field.name == "unit":
            kwargs["queryset"] = Unit.objects.filter(agency_id=staff.agency_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class UnitInline(admin.TabularInline):
    model = Unit
    extra = 0
    fields = ["code", "name", "is_counter", "staff_quota"]


@admin.register(Agency)
class AgencyAdmin(AgencyScopedAdmin):
    agency_field = "pk"
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    inlines = [UnitInline]


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
    list_display = ["__str__", "user", "agency", "unit", "position", "roles_display"]
    list_filter = ["agency", "unit", "user__groups"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "phone"]
    autocomplete_fields = ["user"]

    @admin.display(description="vai trò")
    def roles_display(self, obj):
        return ", ".join(obj.role_labels())
