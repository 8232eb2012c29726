from django.contrib import admin

from motcua.org.admin import AgencyScopedAdmin

from .models import Assignment, Extension, Plan, PlanSection, ReportObligation


class SectionInline(admin.TabularInline):
    model = PlanSection
    extra = 0


@admin.register(Plan)
class PlanAdmin(AgencyScopedAdmin):
    list_display = ["number", "issued_on", "title", "year"]
    inlines = [SectionInline]


class ExtensionInline(admin.TabularInline):
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
