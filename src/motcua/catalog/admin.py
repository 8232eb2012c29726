from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from motcua.org.admin import AgencyScopedAdmin, ScopedHistoryAdmin, ScopedTabularInline
from motcua.org.permissions import is_operator
from motcua.org.scoping import staff_of

from . import services
from .constants import VersionStatus
from .errors import CatalogError
from .item_history import item_changes
from .models import Fee, Field, Procedure, ProcedureVersion, ProcessStep, RequiredDocument
from .permissions import may_manage_catalogue


class ManagersEdit:
    """The role's permission bits open the pages; catalog.permissions decides who changes the
    catalogue (a bit granted to another role by mistake shows it read-only)."""

    def _manages(self, request) -> bool:
        return is_operator(request.user) or may_manage_catalogue(staff_of(request.user))

    def has_add_permission(self, request, *args):
        return self._manages(request) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return self._manages(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._manages(request) and super().has_delete_permission(request, obj)


@admin.register(Field)
class FieldAdmin(ManagersEdit, AgencyScopedAdmin):
    list_display = ["name", "code", "agency"]
    search_fields = ["name", "code"]


class ProcedureAddForm(forms.ModelForm):
    name = forms.CharField(label="tên thủ tục", max_length=1000, widget=forms.Textarea({"rows": 2}))

    class Meta:
        model = Procedure
        fields = ["agency", "national_code", "local_code"]


class VersionLinkInline(ScopedTabularInline):
    model = ProcedureVersion
    fields = ["link", "name", "status", "effective_from", "retired_from"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="phiên bản")
    def link(self, version):
        url = reverse("admin:catalog_procedureversion_change", args=[version.pk])
        return format_html('<a href="{}">Phiên bản {}</a>', url, version.number)


@admin.register(Procedure)
class ProcedureAdmin(ManagersEdit, ScopedHistoryAdmin):
    list_display = ["local_code", "national_code", "agency", "newest_name"]
    list_filter = ["agency"]
    search_fields = ["local_code", "national_code", "versions__name"]
    inlines = [VersionLinkInline]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = ProcedureAddForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        # Codes identify the procedure for dossiers and portals: fixed once created.
        return ["agency", "national_code", "local_code"] if obj else []

    def get_inlines(self, request, obj):
        return self.inlines if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            return
        version = services.create_procedure(
            obj.agency,
            national_code=obj.national_code,
            local_code=obj.local_code,
            name=form.cleaned_data["name"],
        )
        obj.pk = version.procedure.pk
        obj.created_at = version.procedure.created_at
        obj._state.adding = False

    @admin.display(description="tên (phiên bản mới nhất)")
    def newest_name(self, procedure):
        newest = procedure.versions.order_by("-number").first()
        return newest.name if newest else "—"


class VersionItemInline(ManagersEdit, ScopedTabularInline):
    """Fees, documents and steps: editable only while their version is a draft."""

    extra = 0

    def _draft(self, obj) -> bool:
        return obj is None or obj.is_draft

    def has_add_permission(self, request, obj=None):
        return self._draft(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._draft(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._draft(obj) and super().has_delete_permission(request, obj)


class FeeInline(VersionItemInline):
    model = Fee
    fields = ["position", "name", "amount", "applies_to", "note"]


class DocumentInline(VersionItemInline):
    model = RequiredDocument
    fields = [
        "position",
        "name",
        "originals",
        "copies",
        "requirement",
        "condition",
        "note",
        "template",
    ]


class StepInline(VersionItemInline):
    model = ProcessStep
    fields = ["position", "name", "unit", "role", "hours"]


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(ManagersEdit, ScopedHistoryAdmin):
    agency_field = "procedure__agency"
    list_display = ["procedure", "number", "name", "status", "effective_from", "retired_from"]
    list_filter = ["status", "online_level", "field"]
    search_fields = ["name", "procedure__local_code", "procedure__national_code"]
    list_select_related = ["procedure"]
    inlines = [FeeInline, DocumentInline, StepInline]
    actions = ["publish_selected", "new_draft_from_selected", "retire_selected"]
    always_read_only = [
        "procedure",
        "number",
        "status",
        "published_at",
        "retired_from",
        "items_history",
    ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_draft:
            # A published version is frozen: dossiers are bound to it.
            return self.always_read_only + list(services.EDITABLE_FIELDS)
        return self.always_read_only

    def has_add_permission(self, request):
        return False  # a version is made by adding a procedure or by "new draft from"

    @admin.display(description="lịch sử phí, giấy tờ, quy trình")
    def items_history(self, version):
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}: {}</td><td>{}</td></tr>",
            (
                (
                    f"{timezone.localtime(change.when):%d/%m/%Y %H:%M}",
                    change.who,
                    change.action,
                    change.kind,
                    change.item,
                    "; ".join(change.changes),
                )
                for change in item_changes(version)
            ),
        )
        if not rows:
            return "Chưa có thay đổi."
        return format_html(
            "<table><tr><th>Lúc</th><th>Người</th><th>Việc</th><th>Dòng</th>"
            "<th>Thay đổi</th></tr>{}</table>",
            rows,
        )

    def has_delete_permission(self, request, obj=None):
        return (obj is None or obj.is_draft) and super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset.filter(status=VersionStatus.DRAFT))

    def save_model(self, request, obj, form, change):
        changes = {name: getattr(obj, name) for name in form.changed_data}
        try:
            services.edit_draft(obj, **changes)
        except CatalogError as exc:  # e.g. published meanwhile by someone else
            self.message_user(request, exc.message, messages.ERROR)

    def _each(self, request, queryset, action, done: str):
        count = 0
        for version in queryset:
            try:
                action(version)
                count += 1
            except CatalogError as exc:
                self.message_user(request, f"{version}: {exc.message}", messages.ERROR)
        if count:
            self.message_user(request, f"{done}: {count} phiên bản.", messages.SUCCESS)

    @admin.action(description="Công bố (theo ngày hiệu lực đã nhập)")
    def publish_selected(self, request, queryset):
        self._each(request, queryset, services.publish, "Đã công bố")

    @admin.action(description="Tạo bản nháp mới từ phiên bản này")
    def new_draft_from_selected(self, request, queryset):
        self._each(request, queryset, services.new_draft_from, "Đã tạo bản nháp")

    @admin.action(description="Cho hết hiệu lực từ hôm nay")
    def retire_selected(self, request, queryset):
        self._each(request, queryset, services.retire, "Đã cho hết hiệu lực")
