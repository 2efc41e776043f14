"""Mask the e-mail addresses the search log and the follow-ups kept before they were masked.

Log rows that become the same query on the same day and in the same language are folded into
one, their counts added; a follow-up's query is masked in place.
"""

from django.db import migrations

from search.models import mask_personal_data, remask_rows


def mask_existing_rows(apps, schema_editor):
    remask_rows(apps.get_model("search", "SearchQueryLog"), mask_personal_data, fold_counts=True)
    remask_rows(apps.get_model("search", "SearchFollowUp"), mask_personal_data)


class Migration(migrations.Migration):
    dependencies = [("search", "0007_embedding_passages")]

    operations = [migrations.RunPython(mask_existing_rows, migrations.RunPython.noop)]
