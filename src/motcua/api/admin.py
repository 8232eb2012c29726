from django.contrib import admin, messages

from motcua.org.admin import AgencyScopedAdmin

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(AgencyScopedAdmin):
    """Tokens are issued by `motcua issue_api_token` (the only moment the token is shown); here
    they are seen by their first characters and revoked. Rows stay, as a record of access."""

    list_display = ["shown", "name", "user", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix", "user__username"]
    fields = ["shown", "name", "user", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["shown", "user", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]
    # An agency's administrator sees the tokens of its staff; the operator sees all.
    agency_field = "user__staff__agency"
    list_select_related = ["user"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="mã truy cập", ordering="prefix")
    def shown(self, obj):
        return f"{obj.prefix}…"

    @admin.action(description="Thu hồi các mã đã chọn", permissions=["change"])
    def revoke(self, request, queryset):
        tokens = list(queryset.filter(revoked_at__isnull=True))
        for token in tokens:
            token.revoke()
        self.message_user(request, f"Đã thu hồi {len(tokens)} mã truy cập.", messages.SUCCESS)
