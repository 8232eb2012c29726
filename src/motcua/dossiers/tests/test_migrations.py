from importlib import import_module

from django.apps import apps

from motcua.dossiers import services
from motcua.dossiers.models import Dossier

holder_migration = import_module("motcua.dossiers.migrations.0003_current_holder")


def test_the_holder_columns_are_filled_from_the_current_step(world):
    dossier = services.forward(world.receive(), world.officer)
    services.assign(dossier, world.head, world.specialist)
    other = world.receive()  # still at the counter, held by the officer who received it
    Dossier.objects.update(current_assignee=None, current_unit=None)

    holder_migration.copy_current_holder(apps, None)

    dossier.refresh_from_db()
    other.refresh_from_db()
    assert (dossier.current_assignee, dossier.current_unit) == (world.specialist, world.business)
    assert (other.current_assignee, other.current_unit) == (world.officer, world.counter)
