import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_versions(apps, schema_editor):
    Rating = apps.get_model("feedback", "Rating")
    Dossier = apps.get_model("dossiers", "Dossier")
    Rating.objects.update(version_id=Subquery(
        Dossier.objects.filter(pk=OuterRef("dossier_id")).values("version_id")[:1]))


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0002_fee_applies_to"),
        ("feedback", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="rating",
            name="version",
            field=models.ForeignKey(
                null=True, editable=False, on_delete=django.db.models.deletion.PROTECT,
                related_name="+", to="catalog.procedureversion",
                verbose_name="phiên bản thủ tục"),
        ),
        migrations.RunPython(copy_versions, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="rating",
            name="version",
            field=models.ForeignKey(
                editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                to="catalog.procedureversion", verbose_name="phiên bản thủ tục"),
        ),
    ]
