"""RegencySettings moves from the melayani app: same rows in the same table, its permissions kept.

The table keeps its name (``melayani_regencysettings``, see ``core.models.RegencySettings.Meta``):
during a rolling deploy the hosts still running the old code read it under that name after
this migration has run, so renaming it would break every uncached page on them.
"""

from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Group permissions on the settings point at this content type: move it rather than make a new one.

    Where a ``core.regencysettings`` content type already exists (a database where the
    permissions were created before this migration ran), the groups are given the core
    permissions with the same codenames and the old content type goes, with its permissions.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old = ContentType.objects.filter(app_label="melayani", model="regencysettings").first()
    if old is None:
        return
    new = ContentType.objects.filter(app_label="core", model="regencysettings").first()
    if new is None:
        old.app_label = "core"
        old.save(update_fields=["app_label"])
        return
    for permission in Permission.objects.filter(content_type=old):
        replacement = Permission.objects.filter(content_type=new, codename=permission.codename).first()
        if replacement is None:
            permission.content_type = new
            permission.save(update_fields=["content_type"])
            continue
        for group in permission.group_set.all():
            group.permissions.add(replacement)
        for user in permission.user_set.all():
            user.user_permissions.add(replacement)
    old.delete()


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="melayani", model="regencysettings").exists():
        ContentType.objects.filter(app_label="core", model="regencysettings").update(app_label="melayani")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
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
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
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
                        # The table melayani's migration created, kept under its name (see above).
                        "db_table": "melayani_regencysettings",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
