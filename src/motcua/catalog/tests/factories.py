from datetime import date
from decimal import Decimal

from django.contrib.auth.models import Group, User
import factory
from factory.django import DjangoModelFactory

from motcua.catalog import services
from motcua.catalog.constants import TimeUnit
from motcua.catalog.models import Field
from motcua.org.constants import AgencyLevel, Role
from motcua.org.models import Agency, Staff, Unit


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency

    # Third group 99, so that no factory agency takes the fixtures' code 000.00.17.H34.
    code = factory.Sequence(lambda n: f"{n // 100:03d}.{n % 100:02d}.99.H34")
    name = factory.Sequence(lambda n: f"Sở Kế hoạch và Đầu tư {n}")
    level = AgencyLevel.DEPARTMENT


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = Unit

    agency = factory.SubFactory(AgencyFactory)
    code = factory.Sequence(lambda n: f"don-vi-{n}")
    name = factory.Sequence(lambda n: f"Phòng {n}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"canbo{n}")
    password = factory.django.Password("mat-khau")


class StaffFactory(DjangoModelFactory):
    class Meta:
        model = Staff
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)
    unit = factory.SubFactory(UnitFactory, agency=factory.SelfAttribute("..agency"))

    @factory.post_generation
    def roles(self, create, roles, **kwargs):
        for role in roles or []:
            self.user.groups.add(Group.objects.get_or_create(name=role)[0])


class FieldFactory(DjangoModelFactory):
    class Meta:
        model = Field

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")


def make_draft(agency=None, *, name="Đăng ký thành lập doanh nghiệp tư nhân", **content):
    """A new procedure's first draft, through the services (3 working days unless told)."""
    content.setdefault("time_limit_value", Decimal(3))
    content.setdefault("time_limit_unit", TimeUnit.WORKING_DAYS)
    return services.create_procedure(agency or AgencyFactory(), name=name, **content)


def add_process(version, hours_per_step, unit=None):
    """Steps of the given working hours, done by `unit` (or by a specialist when None)."""
    for index, hours in enumerate(hours_per_step, start=1):
        services.add_step(
            version,
            name=f"Bước {index}",
            hours=Decimal(hours),
            unit=unit,
            role="" if unit else Role.SPECIALIST,
        )


def make_published(agency=None, *, effective_from=date(2022, 1, 1), **content):
    """A published first version whose process fills its time limit."""
    draft = make_draft(agency, **content)
    add_process(draft, [draft.time_limit_hours])
    return services.publish(draft, effective_from)
