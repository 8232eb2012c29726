"""The event record cannot be rewritten on any database: PostgreSQL refuses TRUNCATE as well
as UPDATE and DELETE (0002); SQLite gets UPDATE and DELETE triggers of its own.

Only `motcua flush` (dossiers/management/commands/flush.py) may empty the record, through a
hatch that lives for its transaction: the setting `motcua.allow_event_purge` on PostgreSQL, a
row in `dossiers_event_purge` on SQLite. The hatch lets a DELETE or TRUNCATE through, never an
UPDATE. Note for later migrations: SQLite rebuilds a table to alter it, which drops its
triggers; a migration that alters `dossiers_dossierevent` must create them again (the record
tests fail if it does not).
"""

from django.db import migrations

POSTGRESQL = """
CREATE OR REPLACE FUNCTION dossiers_event_is_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'TRUNCATE')
       AND current_setting('motcua.allow_event_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'dossier events are append-only (%% refused)', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER dossiers_event_no_truncate
    BEFORE TRUNCATE ON dossiers_dossierevent
    FOR EACH STATEMENT EXECUTE FUNCTION dossiers_event_is_immutable();
"""
POSTGRESQL_REVERSE = """
DROP TRIGGER IF EXISTS dossiers_event_no_truncate ON dossiers_dossierevent;
CREATE OR REPLACE FUNCTION dossiers_event_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'dossier events are append-only (%% refused)', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""
SQLITE = [
    "CREATE TABLE IF NOT EXISTS dossiers_event_purge (allowed integer NOT NULL)",
    """CREATE TRIGGER dossiers_event_no_update BEFORE UPDATE ON dossiers_dossierevent
    BEGIN SELECT RAISE(ABORT, 'dossier events are append-only (UPDATE refused)'); END""",
    """CREATE TRIGGER dossiers_event_no_delete BEFORE DELETE ON dossiers_dossierevent
    WHEN NOT EXISTS (SELECT 1 FROM dossiers_event_purge)
    BEGIN SELECT RAISE(ABORT, 'dossier events are append-only (DELETE refused)'); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS dossiers_event_no_delete",
    "DROP TRIGGER IF EXISTS dossiers_event_no_update",
    "DROP TABLE IF EXISTS dossiers_event_purge",
]


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRESQL)
    elif vendor == "sqlite":
        for statement in SQLITE:
            schema_editor.execute(statement)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_REVERSE)
    elif vendor == "sqlite":
        for statement in SQLITE_REVERSE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0007_result_numbers_and_slip_sequence")]

    operations = [
        migrations.RunPython(create_triggers, drop_triggers),
    ]
