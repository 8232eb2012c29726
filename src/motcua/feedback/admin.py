from django.contrib import admin

from motcua.org.admin import AgencyScopedAdmin, ReadOnlyAdmin, ScopedTabularInline

from .constants import CampaignState
from .models import Rating, RatingRevision, SurveyCampaign, SurveyChoice, SurveyItem


class RevisionInline(ReadOnlyAdmin, ScopedTabularInline):
    """Every set of answers given, by whom and how: the record behind the current answers."""

    model = RatingRevision
    fields = [
        "number",
        "recorded_at",
        "channel",
        "with_secret",
        "staff",
        "index1",
        "index3",
        "index4",
        "index7",
        "overall",
        "comment",
    ]
    readonly_fields = fields
    ordering = ["number"]
    extra = 0


@admin.register(Rating)
class RatingAdmin(AgencyScopedAdmin):
    list_display = [
        "dossier",
        "rated_at",
        "channel",
        "index1",
        "index3",
        "index4",
        "index7",
        "overall",
    ]
    list_filter = ["channel", "overall"]
    search_fields = ["dossier__code"]
    # Ratings are the applicant's words: the admin reads them, the services write them.
    readonly_fields = [
        "agency",
        "dossier",
        "channel",
        "index1",
        "index3",
        "index4",
        "index7",
        "overall",
        "comment",
        "rated_at",
        "updated_at",
        "entered_by",
    ]
    inlines = [RevisionInline]

    def has_add_permission(self, request):
        return False


class DraftOnlyInline(ScopedTabularInline):
    """Questions and scale change only while the campaign is a draft: answers refer to them."""

    extra = 0

    def _draft(self, obj) -> bool:
        return obj is None or obj.state == CampaignState.DRAFT

    def has_add_permission(self, request, obj=None):
        return self._draft(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._draft(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._draft(obj) and super().has_delete_permission(request, obj)


class SurveyItemInline(DraftOnlyInline):
    model = SurveyItem


class SurveyChoiceInline(DraftOnlyInline):
    model = SurveyChoice


@admin.register(SurveyCampaign)
class SurveyCampaignAdmin(AgencyScopedAdmin):
    list_display = ["name", "starts_on", "ends_on", "sample_size", "state"]
    list_filter = ["state"]
    inlines = [SurveyItemInline, SurveyChoiceInline]
