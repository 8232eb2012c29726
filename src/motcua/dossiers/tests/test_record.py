"""The event record is append-only."""

from django.db import DatabaseError, connection, transaction
import pytest

from motcua.dossiers.errors import ImmutableEvent
from motcua.dossiers.models import DossierEvent

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only"
)


def test_the_orm_refuses_to_change_or_delete_an_event(world):
    event = world.receive().events.get()
    event.note = "sửa lại"
    with pytest.raises(ImmutableEvent):
        event.save()
    with pytest.raises(ImmutableEvent):
        event.delete()


@needs_postgresql
def test_postgresql_refuses_update_and_delete_even_in_raw_sql(world):
    event = world.receive().events.get()
    for sql in (
        "UPDATE dossiers_dossierevent SET note = 'x' WHERE id = %s",
        "DELETE FROM dossiers_dossierevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="append-only"):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql, [event.pk])
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic():
            DossierEvent.objects.filter(pk=event.pk).update(note="x")
    assert DossierEvent.objects.get(pk=event.pk).note == ""
