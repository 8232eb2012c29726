"""Seed the Decision 766 point table for 2022–2026 (indices/d766/table.py)."""

from django.db import migrations


def seed(apps, schema_editor):
    from motcua.indices.d766.table import seed as seed_table

    seed_table(apps.get_model("indices", "D766Criterion"))


class Migration(migrations.Migration):
    dependencies = [("indices", "0003_d766")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
