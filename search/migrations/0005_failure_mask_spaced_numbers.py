"""Mask the personal numbers the search log kept before it understood every way of writing them.

Numbers typed with spaces or brackets (``0812 3456 7890``, ``(0333) 421234``) were stored as
typed. Each such row is masked; rows that become the same query on the same day and in the
same language are folded into one, their counts added.
"""

from django.db import migrations

from search.models import mask_personal_numbers


def mask_logged_queries(log_model):
    """Mask every stored query of ``log_model`` (the log, or its historical model); returns rows changed."""
    rows = log_model.objects.order_by("pk").iterator()
    # Collected first: the table is not changed under an open cursor.
    to_mask = [row for row in rows if mask_personal_numbers(row.query) != row.query]
    for row in to_mask:
        masked = mask_personal_numbers(row.query)
        same = log_model.objects.filter(query=masked, language_code=row.language_code, date=row.date).first()
        if same is None:
            row.query = masked
            row.save(update_fields=["query"])
        else:
            same.searches += row.searches
            same.searches_without_results += row.searches_without_results
            same.save(update_fields=["searches", "searches_without_results"])
            row.delete()
    return len(to_mask)


def mask_existing_rows(apps, schema_editor):
    mask_logged_queries(apps.get_model("search", "SearchQueryLog"))


class Migration(migrations.Migration):
    dependencies = [("search", "0004_embedding_scope")]

    operations = [migrations.RunPython(mask_existing_rows, migrations.RunPython.noop)]
