from django.contrib import admin

from motcua.org.admin import AgencyScopedAdmin, ScopedTabularInline

from .models import Complaint, ComplaintNote, Question


@admin.register(Question)
class QuestionAdmin(AgencyScopedAdmin):
    list_display = ["code", "subject", "channel", "unit", "due_at", "answered_at", "published"]
    list_filter = ["channel", "published"]
    search_fields = ["code", "subject", "asker_name"]
    readonly_fields = ["code", "message_id", "search_text"]
    filter_horizontal = ["procedures"]


class NoteInline(ScopedTabularInline):
    model = ComplaintNote
    extra = 0
    fields = ["written_at", "author", "text"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Complaint)
class ComplaintAdmin(AgencyScopedAdmin):
    list_display = ["code", "kind", "subject", "state", "unit", "officer", "due_at", "outcome",
                    "applicant_satisfied"]
    list_filter = ["kind", "state", "outcome", "channel"]
    search_fields = ["code", "subject", "complainant_name"]
    readonly_fields = ["code", "secret"]
    raw_id_fields = ["dossier"]
    inlines = [NoteInline]
