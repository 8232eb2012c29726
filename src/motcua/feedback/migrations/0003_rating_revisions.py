import django.db.models.deletion
from django.db import migrations, models

SCORES = [(2, "2"), (1, "1"), (0, "0")]
OVERALL = [("very_satisfied", "Rất hài lòng"), ("satisfied", "Hài lòng"),
           ("dissatisfied", "Không hài lòng")]
CHANNELS = [("web", "Trực tuyến"), ("kiosk", "Thiết bị tại quầy"), ("paper", "Phiếu giấy")]
ANSWERS = ("index1", "index3", "index4", "index7", "overall", "comment")


def first_revisions(apps, schema_editor):
    """Each rating given before the history existed becomes its own first revision."""
    Rating = apps.get_model("feedback", "Rating")
    RatingRevision = apps.get_model("feedback", "RatingRevision")
    RatingRevision.objects.bulk_create(
        RatingRevision(rating=rating, number=1, channel=rating.channel,
                       with_secret=rating.channel == "web", staff_id=rating.entered_by_id,
                       recorded_at=rating.updated_at,
                       **{name: getattr(rating, name) for name in ANSWERS})
        for rating in Rating.objects.iterator())


def score(number):
    return models.PositiveSmallIntegerField(f"chỉ số {number}", choices=SCORES)


class Migration(migrations.Migration):

    dependencies = [
        ("feedback", "0002_rating_version"),
        ("org", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="RatingRevision",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("number", models.PositiveSmallIntegerField(verbose_name="lần")),
                ("channel", models.CharField(choices=CHANNELS, max_length=8,
                                             verbose_name="hình thức")),
                ("with_secret", models.BooleanField(
                    default=False, help_text="Người đánh giá đã nhập mã bí mật in trên giấy "
                    "tiếp nhận.", verbose_name="người có mã bí mật")),
                ("recorded_at", models.DateTimeField(verbose_name="ghi lúc")),
                ("index1", score(1)),
                ("index3", score(3)),
                ("index4", score(4)),
                ("index7", score(7)),
                ("overall", models.CharField(choices=OVERALL, max_length=16,
                                             verbose_name="mức độ hài lòng")),
                ("comment", models.TextField(blank=True, verbose_name="góp ý")),
                ("rating", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                             related_name="revisions", to="feedback.rating",
                                             verbose_name="đánh giá")),
                ("staff", models.ForeignKey(
                    blank=True, help_text="Cán bộ nhập phiếu giấy, hoặc cán bộ Một cửa có "
                    "thiết bị tại quầy.", null=True,
                    on_delete=django.db.models.deletion.PROTECT, related_name="+",
                    to="org.staff", verbose_name="qua tài khoản cán bộ")),
            ],
            options={
                "verbose_name": "lần đánh giá",
                "verbose_name_plural": "lịch sử đánh giá",
                "ordering": ["rating", "number"],
                "constraints": [models.UniqueConstraint(fields=("rating", "number"),
                                                        name="rating_revision_number")],
            },
        ),
        migrations.RunPython(first_revisions, migrations.RunPython.noop),
    ]
