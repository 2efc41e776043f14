"""RegencySettings now belongs to the core app (core/migrations/0001): only the state leaves, the rows stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("melayani", "0001_initial"),
        ("core", "0001_regency_settings_from_melayani"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="RegencySettings")],
            database_operations=[],
        ),
    ]
