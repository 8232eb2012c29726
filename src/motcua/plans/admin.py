from django.contrib import admin

from motcua.org.admin import AgencyScopedAdmin, ScopedTabularInline

from .models import Assignment, Extension, Plan, PlanSection, ReportObligation
from .register_models import Document, Equipment, FacilityRequest, Initiative, InitiativeEvidence


class SectionInline(ScopedTabularInline):
    model = PlanSection
    extra = 0


@admin.register(Plan)
class PlanAdmin(AgencyScopedAdmin):
    list_display = ["number", "issued_on", "title", "year"]
    inlines = [SectionInline]


class ExtensionInline(ScopedTabularInline):
    model = Extension
    extra = 0
    readonly_fields = ["previous_deadline", "new_deadline", "reason", "by", "at"]


@admin.register(Assignment)
class AssignmentAdmin(AgencyScopedAdmin):
    list_display = ["source_number", "source_date", "unit", "deadline", "closed_at"]
    list_filter = ["unit"]
    inlines = [ExtensionInline]


@admin.register(ReportObligation)
class ReportObligationAdmin(AgencyScopedAdmin):
    list_display = ["name", "recurrence", "day", "month", "recipient", "active_from"]


class InitiativeEvidenceInline(ScopedTabularInline):
    model = InitiativeEvidence
    extra = 0


@admin.register(Initiative)
class InitiativeAdmin(AgencyScopedAdmin):
    list_display = ["title", "year", "authors", "unit", "decision_number"]
    list_filter = ["year"]
    search_fields = ["title", "authors"]
    inlines = [InitiativeEvidenceInline]


@admin.register(Equipment)
class EquipmentAdmin(AgencyScopedAdmin):
    list_display = ["name", "quantity", "condition", "location"]
    list_filter = ["condition"]


@admin.register(FacilityRequest)
class FacilityRequestAdmin(AgencyScopedAdmin):
    list_display = ["item", "kind", "estimated_cost", "requested_on", "status"]
    list_filter = ["status", "kind"]
    # Decisions go through the page so the director and the time are recorded.
    readonly_fields = ["status", "decided_by", "decided_at", "decision_note", "done_on"]


@admin.register(Document)
class DocumentAdmin(AgencyScopedAdmin):
    list_display = ["number", "issued_on", "direction", "summary", "is_electronic"]
    list_filter = ["direction", "is_electronic"]
    search_fields = ["number", "summary", "correspondent"]
