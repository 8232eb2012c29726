from django.contrib import admin, messages
from django.utils.text import Truncator

from motcua.org.admin import AgencyScopedAdmin, ReadOnlyAdmin

from .models import LocalSms, Message
from .services import resend_failed


class RecordAdmin(ReadOnlyAdmin, AgencyScopedAdmin):
    """A record of what was sent: read in the admin, never written or deleted there."""


@admin.register(Message)
class MessageAdmin(RecordAdmin):
    list_display = [
        "created_at",
        "channel",
        "recipient",
        "summary",
        "topic",
        "reference",
        "status",
        "attempts",
        "sent_at",
    ]
    list_filter = ["status", "channel", "topic"]
    search_fields = ["recipient", "reference"]
    date_hierarchy = "created_at"
    fields = [
        "agency",
        "channel",
        "plugin",
        "recipient",
        "recipient_user",
        "subject",
        "body",
        "topic",
        "reference",
        "key",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
    ]
    actions = ["resend"]

    @admin.display(description="tiêu đề / nội dung")
    def summary(self, obj):
        # SMS have no subject: show the start of the text instead.
        return obj.subject or Truncator(obj.body).chars(80)

    @admin.action(description="Gửi lại các thông báo gửi lỗi đã chọn", permissions=["resend"])
    def resend(self, request, queryset):
        count = resend_failed(queryset)
        if count:
            self.message_user(request, f"Đã chuyển {count} thông báo gửi lỗi đi gửi lại.")
        else:
            self.message_user(
                request,
                "Không có thông báo gửi lỗi nào trong các thông báo đã chọn.",
                messages.WARNING,
            )

    def has_resend_permission(self, request):
        return request.user.has_perm("notifications.resend_message")


@admin.register(LocalSms)
class LocalSmsAdmin(RecordAdmin):
    agency_field = "message__agency"
    list_display = ["created_at", "phone", "text"]
    search_fields = ["phone", "text"]
    date_hierarchy = "created_at"
    fields = ["phone", "text", "created_at", "message"]
