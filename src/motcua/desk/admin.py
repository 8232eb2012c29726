from django.contrib import admin

from motcua.org.admin import AgencyScopedAdmin, ScopedTabularInline
from motcua.org.permissions import is_operator
from motcua.org.scoping import staff_of

from .models import Complaint, ComplaintNote, Question
from .permissions import complaints_visible_to, may_handle_complaint


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
    list_display = [
        "code",
        "kind",
        "subject",
        "state",
        "unit",
        "officer",
        "due_at",
        "outcome",
        "applicant_satisfied",
    ]
    list_filter = ["kind", "state", "outcome", "channel"]
    search_fields = ["code", "subject", "complainant_name"]
    readonly_fields = ["code", "secret"]
    raw_id_fields = ["dossier"]
    inlines = [NoteInline]

    # The complainant's name and contacts are seen where the desk's own pages show them: the
    # office, the director and the assigned unit, never the officer named (desk.permissions).
    def get_queryset(self, request):
        complaints = super().get_queryset(request)
        if is_operator(request.user):
            return complaints
        return complaints_visible_to(staff_of(request.user), complaints)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (
            obj is None
            or is_operator(request.user)
            or may_handle_complaint(staff_of(request.user), obj)
        )
