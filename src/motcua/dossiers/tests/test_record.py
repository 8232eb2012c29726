"""The event record is append-only: through the ORM, and in raw SQL on both databases."""

from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
import pytest

from motcua.dossiers.errors import ImmutableEvent
from motcua.dossiers.models import DossierEvent

from .conftest import build_world

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's"
)


def refused(sql: str, params=()) -> None:
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # The test's own transaction holds deferred foreign-key checks, which would
                # refuse a TRUNCATE before the record's trigger is asked.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(sql, params)


def test_the_orm_refuses_to_change_or_delete_an_event(world):
    event = world.receive().events.get()
    event.note = "sửa lại"
    with pytest.raises(ImmutableEvent):
        event.save()
    with pytest.raises(ImmutableEvent):
        event.delete()


def test_the_database_refuses_update_and_delete_even_in_raw_sql(world):
    event = world.receive().events.get()
    refused("UPDATE dossiers_dossierevent SET note = 'x' WHERE id = %s", [event.pk])
    refused("DELETE FROM dossiers_dossierevent WHERE id = %s", [event.pk])
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic():
            DossierEvent.objects.filter(pk=event.pk).update(note="x")
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic():
            DossierEvent.objects.filter(pk=event.pk)._raw_delete(connection.alias)
    assert DossierEvent.objects.get(pk=event.pk).note == ""


@needs_postgresql
def test_postgresql_refuses_to_truncate_the_record(world):
    world.receive()
    refused("TRUNCATE dossiers_dossierevent")
    refused("TRUNCATE dossiers_dossierevent CASCADE")
    assert DossierEvent.objects.count() == 1


@needs_postgresql
def test_the_purge_setting_never_lets_an_update_through(world):
    event = world.receive().events.get()
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT set_config('motcua.allow_event_purge', 'on', true)")
            cursor.execute("UPDATE dossiers_dossierevent SET note = 'x' WHERE id = %s", [event.pk])


@pytest.mark.django_db(transaction=True)
def test_only_the_flush_empties_the_record_and_the_hatch_closes_after_it():
    world = build_world()
    world.receive()
    call_command("flush", interactive=False, verbosity=0)
    assert not DossierEvent.objects.exists()
    event = build_world().receive().events.get()
    refused("DELETE FROM dossiers_dossierevent WHERE id = %s", [event.pk])
    if connection.vendor == "postgresql":
        refused("TRUNCATE dossiers_dossierevent")
