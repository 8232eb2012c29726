from django.contrib import admin

from motcua.org.admin import AgencyScopedAdmin, ReadOnlyAdmin, ScopedTabularInline

from .models import CallbackLog, Payment


class CallbackInline(ScopedTabularInline):
    model = CallbackLog
    extra = 0
    can_delete = False
    fields = ["received_at", "channel", "verdict", "reason", "client_ip"]
    readonly_fields = fields


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin, AgencyScopedAdmin):
    """Read-only: a payment changes only through the gateway's verified callbacks."""

    list_display = [
        "reference",
        "dossier",
        "amount",
        "state",
        "gateway",
        "created_at",
        "settled_at",
    ]
    list_filter = ["state", "gateway"]
    search_fields = ["reference", "gateway_transaction", "dossier__code"]
    inlines = [CallbackInline]


@admin.register(CallbackLog)
class CallbackLogAdmin(ReadOnlyAdmin, AgencyScopedAdmin):
    """The log of callbacks; the deployment's operator also sees those naming no payment."""

    list_display = [
        "received_at",
        "gateway",
        "channel",
        "verdict",
        "payment",
        "client_ip",
        "reason",
    ]
    list_filter = ["verdict", "gateway", "channel"]
    search_fields = ["payment__reference", "client_ip", "reason"]
