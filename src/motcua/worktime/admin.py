from django import forms
from django.contrib import admin

from motcua.org.admin import ScopedHistoryAdmin

from .constants import Weekday
from .models import CalendarDay, WorkSchedule


class WorkScheduleForm(forms.ModelForm):
    # Check boxes instead of the JSON text box the model field would give.
    weekend_days = forms.TypedMultipleChoiceField(
        label="Ngày nghỉ hằng tuần",
        choices=Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = WorkSchedule
        fields = [
            "agency",
            "morning_start",
            "morning_end",
            "afternoon_start",
            "afternoon_end",
            "weekend_days",
            "national_holidays",
        ]


@admin.register(WorkSchedule)
class WorkScheduleAdmin(ScopedHistoryAdmin):
    form = WorkScheduleForm
    list_display = [
        "agency",
        "morning_start",
        "morning_end",
        "afternoon_start",
        "afternoon_end",
        "weekend_display",
        "national_holidays",
    ]

    @admin.display(description="ngày nghỉ hằng tuần")
    def weekend_display(self, obj):
        return obj.weekend_labels()


@admin.register(CalendarDay)
class CalendarDayAdmin(ScopedHistoryAdmin):
    list_display = ["date", "weekday", "kind", "name", "source", "agency"]
    list_filter = ["kind", "agency"]
    search_fields = ["name", "source"]
    date_hierarchy = "date"

    @admin.display(description="thứ")
    def weekday(self, obj):
        return Weekday(obj.date.weekday()).label
