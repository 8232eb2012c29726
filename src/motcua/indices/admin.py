from django import forms
from django.contrib import admin

from motcua.org.admin import (
    AgencyScopedAdmin,
    RecordedHistory,
    ScopedHistoryAdmin,
    ScopedTabularInline,
)
from motcua.org.permissions import is_operator
from motcua.org.scoping import staff_of

from .d766.constants import Source as D766Source
from .models import D766Criterion, D766ManualValue, Scorecard, ScorecardNode, Target


@admin.register(Target)
class TargetAdmin(ScopedHistoryAdmin):
    list_display = ["year", "key", "value", "agency"]
    list_filter = ["year", "key"]
    list_editable = ["value"]


class ScorecardNodeInline(ScopedTabularInline):
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


class D766CriterionAdmin(RecordedHistory):
    """The point table of each year: one table for every agency of the deployment, so only
    the deployment's operator changes it (an agency's administrator changing it would change
    every other agency's score); administrators and the office read it."""

    list_display = ["year", "code", "name", "max_points", "threshold", "source"]
    list_display_links = ["code"]
    list_filter = ["year", "group", "source"]
    search_fields = ["code", "name"]

    def _may_edit(self, request) -> bool:
        return is_operator(request.user)

    def has_add_permission(self, request):
        return self._may_edit(request) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return self._may_edit(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_edit(request) and super().has_delete_permission(request, obj)


admin.site.register(D766Criterion, D766CriterionAdmin)


class D766ManualValueForm(forms.ModelForm):
    code = forms.ChoiceField(label="Tiêu chí")

    class Meta:
        model = D766ManualValue
        fields = ["agency", "code", "start", "end", "numerator", "denominator", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        manual = (
            D766Criterion.objects.filter(source=D766Source.MANUAL)
            .order_by("code", "-year")
            .distinct()
            .values_list("code", "name")
        )
        self.fields["code"].choices = list(dict(manual).items())


@admin.register(D766ManualValue)
class D766ManualValueAdmin(ScopedHistoryAdmin):
    """Figures Motcua does not hold, entered by the office for one criterion and period."""

    form = D766ManualValueForm
    list_display = ["code", "start", "end", "numerator", "denominator", "entered_by", "agency"]
    list_filter = ["code"]
    readonly_fields = ["entered_by", "entered_at"]

    def save_model(self, request, obj, form, change):
        obj.entered_by = staff_of(request.user)
        super().save_model(request, obj, form, change)
