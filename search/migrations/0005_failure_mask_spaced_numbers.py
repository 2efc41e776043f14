"""Mask the personal numbers the search log kept before it understood every way of writing them.

Numbers typed with spaces or brackets (``0812 3456 7890``, ``(0333) 421234``) were stored as
typed. Each such row is masked; rows that become the same query on the same day and in the
same language are folded into one, their counts added.
"""

from django.db import migrations

from search.models import mask_personal_numbers, remask_rows


def mask_logged_queries(log_model):
    """Mask every stored query of ``log_model`` (the log, or its historical model); returns rows changed."""
    return remask_rows(log_model, mask_personal_numbers, fold_counts=True)


def mask_existing_rows(apps, schema_editor):
    mask_logged_queries(apps.get_model("search", "SearchQueryLog"))


class Migration(migrations.Migration):
    dependencies = [("search", "0004_embedding_scope")]

    operations = [migrations.RunPython(mask_existing_rows, migrations.RunPython.noop)]
