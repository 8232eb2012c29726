from django.contrib import admin

from motcua.org.admin import AgencyScopedAdmin, ScopedTabularInline

from .models import Draft, DraftFile


class DraftFileInline(ScopedTabularInline):
    model = DraftFile
    extra = 0
    fields = ["required", "original_name", "content_type", "size", "uploaded_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Draft)
class DraftAdmin(AgencyScopedAdmin):
    """Drafts are the applicant's: the administrator only looks (and may delete spam)."""

    list_display = ["pk", "applicant_name", "version", "updated_at", "expires_at", "dossier"]
    list_filter = ["submitted_at"]
    search_fields = ["applicant_name", "applicant_email", "applicant_phone"]
    readonly_fields = [f.name for f in Draft._meta.fields if f.name != "token"]
    exclude = ["token"]  # the resume link is the applicant's secret
    inlines = [DraftFileInline]

    def has_add_permission(self, request):
        return False
