from django.contrib import admin

from motcua.org.admin import AgencyScopedAdmin

from .models import Target


@admin.register(Target)
class TargetAdmin(AgencyScopedAdmin):
    list_display = ["year", "key", "value", "agency"]
    list_filter = ["year", "key"]
    list_editable = ["value"]
