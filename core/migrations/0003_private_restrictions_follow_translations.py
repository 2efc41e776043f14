"""Restrictions made before ``core/privacy.py`` reach the translations of their pages.

A translation with no restriction of its own takes those of a restricted translation (the
first one by id): a page private in one language becomes private in all of them, never the
other way round. Nothing is removed, so running it on a site already in step changes nothing.
"""

from django.db import migrations


def copy_to_unrestricted_translations(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    restricted = PageViewRestriction.objects.select_related("page").prefetch_related("groups").order_by("pk")
    done = set()
    for restriction in restricted:
        page = restriction.page
        if page.translation_key in done:
            continue
        done.add(page.translation_key)
        translations = Page.objects.filter(translation_key=page.translation_key, view_restrictions__isnull=True)
        for translation in translations.exclude(pk=page.pk):
            for original in restricted.filter(page=page):
                copy = PageViewRestriction.objects.create(
                    page=translation, restriction_type=original.restriction_type, password=original.password
                )
                copy.groups.set(original.groups.all())


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_regency_phone_numbers_are_validated"),
        ("wagtailcore", "0092_alter_collectionviewrestriction_password_and_more"),
    ]

    operations = [migrations.RunPython(copy_to_unrestricted_translations, migrations.RunPython.noop)]
