from django.contrib import admin

from motcua.org.admin import AgencyScopedAdmin

from .models import Rating, SurveyCampaign, SurveyChoice, SurveyItem


@admin.register(Rating)
class RatingAdmin(AgencyScopedAdmin):
    list_display = ["dossier", "rated_at", "channel", "index1", "index3", "index4", "index7",
                    "overall"]
    list_filter = ["channel", "overall"]
    search_fields = ["dossier__code"]
    # Ratings are the applicant's words: the admin reads them, the services write them.
    readonly_fields = ["agency", "dossier", "channel", "index1", "index3", "index4", "index7",
                       "overall", "comment", "rated_at", "updated_at", "entered_by"]

    def has_add_permission(self, request):
        return False


class SurveyItemInline(admin.TabularInline):
    model = SurveyItem
    extra = 0


class SurveyChoiceInline(admin.TabularInline):
    model = SurveyChoice
    extra = 0


@admin.register(SurveyCampaign)
class SurveyCampaignAdmin(AgencyScopedAdmin):
    list_display = ["name", "starts_on", "ends_on", "sample_size", "state"]
    list_filter = ["state"]
    inlines = [SurveyItemInline, SurveyChoiceInline]
