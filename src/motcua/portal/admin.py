from django.contrib import admin

from motcua.org.admin import AgencyScopedAdmin

from .models import Announcement, SupportSession


@admin.register(Announcement)
class AnnouncementAdmin(AgencyScopedAdmin):
    list_display = ["title", "published_on", "agency"]
    list_filter = ["agency", "published_on"]
    search_fields = ["title", "body"]
    date_hierarchy = "published_on"
    filter_horizontal = ["procedures"]  # only the own agency's: AgencyScopedAdmin


@admin.register(SupportSession)
class SupportSessionAdmin(AgencyScopedAdmin):
    list_display = ["title", "starts_at", "ends_at", "place", "agency"]
    list_filter = ["agency"]
    search_fields = ["title", "place", "description"]
    date_hierarchy = "starts_at"
