from django.contrib import admin

from motcua.org.admin import AgencyScopedAdmin
from motcua.org.scoping import staff_of

from .models import Announcement, SupportSession


@admin.register(Announcement)
class AnnouncementAdmin(AgencyScopedAdmin):
    list_display = ["title", "published_on", "agency"]
    list_filter = ["agency", "published_on"]
    search_fields = ["title", "body"]
    date_hierarchy = "published_on"
    filter_horizontal = ["procedures"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # An administrator links only their own agency's procedures.
        staff = staff_of(request.user)
        if staff is not None and db_field.name == "procedures":
            kwargs["queryset"] = db_field.related_model.objects.filter(agency_id=staff.agency_id)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(SupportSession)
class SupportSessionAdmin(AgencyScopedAdmin):
    list_display = ["title", "starts_at", "ends_at", "place", "agency"]
    list_filter = ["agency"]
    search_fields = ["title", "place", "description"]
    date_hierarchy = "starts_at"
