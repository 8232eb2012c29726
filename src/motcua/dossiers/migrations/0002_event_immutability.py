from django.db import migrations

# The record is append-only: PostgreSQL refuses any UPDATE or DELETE of a dossier event.
CREATE_TRIGGER = """
CREATE OR REPLACE FUNCTION dossiers_event_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'dossier events are append-only (%% refused)', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER dossiers_event_immutable
    BEFORE UPDATE OR DELETE ON dossiers_dossierevent
    FOR EACH ROW EXECUTE FUNCTION dossiers_event_is_immutable();
"""
DROP_TRIGGER = """
DROP TRIGGER IF EXISTS dossiers_event_immutable ON dossiers_dossierevent;
DROP FUNCTION IF EXISTS dossiers_event_is_immutable();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_TRIGGER)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]

    operations = [
        migrations.RunPython(create_trigger, drop_trigger),
    ]
