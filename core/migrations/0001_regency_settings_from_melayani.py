"""RegencySettings moves from the melayani app: same rows, its table renamed, its permissions kept."""

from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Group permissions on the settings point at this content type: rename it rather than make a new one."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="core", model="regencysettings").exists():
        ContentType.objects.filter(app_label="melayani", model="regencysettings").update(app_label="core")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="melayani", model="regencysettings").exists():
        ContentType.objects.filter(app_label="core", model="regencysettings").update(app_label="melayani")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("melayani", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="RegencySettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        (
                            "call_center",
                            models.CharField(default="112", max_length=20, verbose_name="call centre number"),
                        ),
                        (
                            "response_hours",
                            models.PositiveSmallIntegerField(
                                default=4,
                                help_text="Every report is answered within this many hours.",
                                verbose_name="promised response time (hours)",
                            ),
                        ),
                        (
                            "complaint_sms",
                            models.CharField(blank=True, max_length=40, verbose_name="complaint SMS number"),
                        ),
                        (
                            "complaint_whatsapp",
                            models.CharField(blank=True, max_length=40, verbose_name="complaint WhatsApp number"),
                        ),
                        (
                            "lapor_url",
                            models.URLField(
                                blank=True, default="https://www.lapor.go.id", verbose_name="SP4N-LAPOR! address"
                            ),
                        ),
                        ("imported_region", models.JSONField(blank=True, default=dict, editable=False)),
                    ],
                    options={
                        "verbose_name": "regency contact settings",
                        # The table melayani's migration created, renamed just below.
                        "db_table": "melayani_regencysettings",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="regencysettings", table=None),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
