from django.contrib import admin

from motcua.org.admin import AgencyScopedAdmin

from .models import Scorecard, ScorecardNode, Target


@admin.register(Target)
class TargetAdmin(AgencyScopedAdmin):
    list_display = ["year", "key", "value", "agency"]
    list_filter = ["year", "key"]
    list_editable = ["value"]


class ScorecardNodeInline(admin.TabularInline):
    model = ScorecardNode
    extra = 0
    fields = ["code", "name", "max_points", "self_score", "official_score", "rank", "in_remit"]
    readonly_fields = ["code", "name", "max_points"]  # the tree itself comes from the import
    can_delete = False


@admin.register(Scorecard)
class ScorecardAdmin(AgencyScopedAdmin):
    list_display = ["kind", "year", "agency"]
    list_filter = ["kind", "year"]
    inlines = [ScorecardNodeInline]

    def has_add_permission(self, request):
        return False  # trees are imported (motcua import_scorecard, or /chi-so/bang-diem/nhap/)
