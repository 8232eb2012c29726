"""Django's `flush`, allowed to empty the dossier event record.

The record's triggers refuse every DELETE and TRUNCATE of an event (see migration 0008). Only
emptying the whole database is a legitimate purge — the test suite does it after every
transactional and live-server test — so this command opens the purge hatch for its own
transaction only: on PostgreSQL the transaction-local setting `motcua.allow_event_purge`, on
SQLite a row in `dossiers_event_purge`, removed before the transaction commits.
"""

from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections, transaction

PURGE_SETTING = "motcua.allow_event_purge"
PURGE_TABLE = "dossiers_event_purge"


class Command(FlushCommand):
    def handle(self, **options):
        connection = connections[options["database"]]
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                _open_hatch(connection.vendor, cursor)
            super().handle(**options)
            with connection.cursor() as cursor:
                _close_hatch(connection.vendor, cursor)


def _open_hatch(vendor: str, cursor) -> None:
    if vendor == "postgresql":
        cursor.execute("SELECT set_config(%s, 'on', true)", [PURGE_SETTING])
    elif vendor == "sqlite":
        cursor.execute(f"INSERT INTO {PURGE_TABLE} (allowed) VALUES (1)")


def _close_hatch(vendor: str, cursor) -> None:
    if vendor == "sqlite":
        cursor.execute(f"DELETE FROM {PURGE_TABLE}")
