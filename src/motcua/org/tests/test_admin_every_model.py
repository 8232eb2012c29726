"""Every page of `/quan-tri/`, walked as agency A's administrator with rows in agency B.

The walk takes `admin.site._registry` as it is, so an admin added later is walked too: its
list must not show B's rows, B's row must not open (302, 403 or 404), and its forms must not
offer B's units, staff or procedures. Each project admin is walked twice: with the role's
permissions, and with every permission bit granted, since bits alone must never open another
agency's rows (third-party admins — sign-in records, devices — are walked with the role's bits:
the role holds none of theirs).
"""

from datetime import UTC, date, datetime, time
from decimal import Decimal
import itertools

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import models
from django.forms import ModelChoiceField
from django.urls import NoReverseMatch, reverse
import pytest

from motcua.org.admin import agency_lookup
from motcua.org.constants import Role
from motcua.org.models import Agency, Staff, Unit
from motcua.org.tests.factories import make_staff

User = get_user_model()
serial = itertools.count(1)
PROJECT_APPS = ("auth",)  # plus every app under motcua/


def is_project_admin(model) -> bool:
    meta = model._meta
    return meta.app_config.name.startswith("motcua.") or meta.app_label in PROJECT_APPS


class World:
    """One agency's people, and a generic maker of a row of any model in that agency."""

    def __init__(self, agency: Agency, prefix: str, shared: dict):
        self.agency = agency
        self.shared = shared  # rows of no agency (e.g. the rules' regimes): one for everyone
        self.prefix = prefix
        self.unit = Unit.objects.create(agency=agency, code=f"{prefix}-u", name=f"Phòng {prefix}")
        self.staff = make_staff(f"{prefix}-canbo", agency, self.unit, Role.SPECIALIST)
        self.rows: dict = {
            Agency: agency,
            Unit: self.unit,
            Staff: self.staff,
            User: self.staff.user,
        }

    def row(self, model):
        """A saved row of `model` in this agency (made once, with its parents)."""
        rows = self.rows if agency_lookup(model) else self.shared
        if model not in rows:
            values = {
                f.name: self.value(f) for f in model._meta.concrete_fields if self.needs_value(f)
            }
            values.update(OVERRIDES.get(model._meta.label, {}))
            rows[model] = model._default_manager.create(**values)
        return rows[model]

    def fresh(self, model):
        """A new row even if one was made already (the own agency's list needs its own)."""
        if model is Agency:
            return self.agency
        if model in (Staff, User):
            staff = make_staff(f"{self.prefix}-{next(serial)}", self.agency, self.unit)
            return staff if model is Staff else staff.user
        (self.rows if agency_lookup(model) else self.shared).pop(model, None)
        return self.row(model)

    @staticmethod
    def needs_value(field) -> bool:
        if (
            field.primary_key
            or getattr(field, "auto_now", False)
            or getattr(field, "auto_now_add", False)
        ):
            return False
        if field.null or field.has_default():
            # An optional agency is still set: the row must belong to someone.
            return (
                field.is_relation and field.related_model is Agency and (field.model is not Agency)
            )
        return True

    def value(self, field):
        if field.is_relation:
            return self.row(field.related_model)
        if field.choices:
            return field.choices[0][0]
        n = next(serial)
        maker = VALUES.get(type(field)) or next(
            (make for kind, make in VALUES.items() if isinstance(field, kind)), None
        )
        assert maker is not None, f"no value for {field!r}: add one to VALUES"
        value = maker(self, n)
        return value[: field.max_length] if isinstance(value, str) and field.max_length else value


VALUES = {
    models.EmailField: lambda w, n: f"{w.prefix}{n}@example.invalid",
    models.SlugField: lambda w, n: f"{w.prefix}-{n}",
    models.CharField: lambda w, n: f"{w.prefix} {n}",
    models.TextField: lambda w, n: f"{w.prefix} {n}",
    models.DecimalField: lambda w, n: Decimal(1),
    models.IntegerField: lambda w, n: 1,
    models.DateTimeField: lambda w, n: datetime(2026, 3, 2, 8, tzinfo=UTC),
    models.DateField: lambda w, n: date(2026, 3, 2),
    models.TimeField: lambda w, n: time(8),
    models.FileField: lambda w, n: f"kiem-thu/{w.prefix}-{n}.pdf",
    models.JSONField: lambda w, n: {},
    models.BooleanField: lambda w, n: False,
    models.GenericIPAddressField: lambda w, n: "192.0.2.1",
}

# Values the database's check constraints need beyond the generic ones.
OVERRIDES = {
    "catalog.ProcedureVersion": {"time_limit_value": None, "time_limit_unit": ""},
    "portal.SupportSession": {"ends_at": datetime(2026, 3, 2, 10, tzinfo=UTC)},
}

REGISTRY = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def worlds(administrator, agency, other_agency):
    shared = {}
    return World(agency, "a", shared), World(other_agency, "b", shared)


def grant_every_permission(user):
    user.user_permissions.set(Permission.objects.all())
    return User.objects.get(pk=user.pk)  # a fresh user: permissions are cached per instance


def walk_cases():
    for model, _ in REGISTRY:
        yield pytest.param(model, False, id=f"{model._meta.label}-role")
        if is_project_admin(model):
            yield pytest.param(model, True, id=f"{model._meta.label}-every-permission")


def foreign_choices(form, other_agency) -> list[str]:
    """Fields of `form` offering a row of `other_agency`."""
    found = []
    for name, field in form.fields.items():
        # An inline row's own pk is looked up among the parent's rows, not among the choices.
        if name == form._meta.model._meta.pk.name:
            continue
        if isinstance(field, ModelChoiceField):
            lookup = agency_lookup(field.queryset.model)
            if lookup and field.queryset.filter(**{lookup: other_agency.pk}).exists():
                found.append(name)
    return found


def forms_of(response):
    if response.context is None or "adminform" not in response.context:
        return []
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += list(inline.formset.forms) + [inline.formset.empty_form]
    return forms


@pytest.mark.parametrize(("model", "every_permission"), walk_cases())
def test_no_admin_page_shows_or_opens_another_agencys_row(
    client, administrator, worlds, model, every_permission
):
    mine, theirs = worlds
    if agency_lookup(model) is None and is_project_admin(model):
        pytest.skip("rows of no agency (the operator's): walked in the test below")
    ours, foreign = mine.fresh(model), theirs.fresh(model)
    user = grant_every_permission(administrator.user) if every_permission else administrator.user
    client.force_login(user)

    listing = client.get(admin_url(model, "changelist"))
    assert listing.status_code in (200, 403)
    if listing.status_code == 200:
        shown = {row.pk for row in listing.context["cl"].queryset}
        assert foreign.pk not in shown
    for view in ("change", "history", "delete"):
        try:
            url = admin_url(model, view, foreign.pk)
        except NoReverseMatch:
            continue
        assert client.get(url).status_code in (302, 403, 404), url
    for url in (admin_url(model, "add"), admin_url(model, "change", ours.pk)):
        page = client.get(url)
        for form in forms_of(page):
            assert foreign_choices(form, theirs.agency) == [], (url, form.prefix)


@pytest.mark.parametrize(
    "model", [m for m, _ in REGISTRY if agency_lookup(m) is None], ids=lambda m: m._meta.label
)
def test_rows_of_no_agency_are_read_at_most_and_changed_by_the_operator_only(
    client, administrator, worlds, model
):
    mine, _ = worlds
    row = mine.fresh(model)
    client.force_login(administrator.user)
    assert client.get(admin_url(model, "add")).status_code in (302, 403)
    assert client.get(admin_url(model, "delete", row.pk)).status_code in (302, 403, 404)
    assert client.post(admin_url(model, "change", row.pk), {}).status_code in (302, 403, 404)
    operator = User.objects.create_superuser(f"vanhanh-{next(serial)}")
    client.force_login(operator)
    assert client.get(admin_url(model, "change", row.pk)).status_code == 200
