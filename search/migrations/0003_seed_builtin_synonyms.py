"""Seed the curated synonym groups (search/data/synonyms.txt) into the editors' Search synonyms.

From here on editors see and change one list; a group that already exists (same terms)
is not added twice.
"""

from django.db import migrations

from search.text.vocabulary import builtin_synonym_groups

NOTE = "Curated vocabulary (search/data/synonyms.txt)"


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    existing = {group.terms for group in SynonymGroup.objects.all()}
    SynonymGroup.objects.bulk_create(
        SynonymGroup(terms=terms, note=NOTE)
        for terms in (", ".join(group) for group in builtin_synonym_groups())
        if terms not in existing
    )


def unseed(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.filter(note=NOTE).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_document_embedding")]

    operations = [migrations.RunPython(seed, unseed)]
