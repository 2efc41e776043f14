"""Restrictions made before they followed translations: the data migration copies them, once."""

import importlib

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import PageViewRestriction

from tests.factories.directory import ContactPersonFactory, OfficePageFactory, translate

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]

MIGRATION = ("core", "0003_private_restrictions_follow_translations")


def run_migration():
    apps = MigrationExecutor(connection).loader.project_state(MIGRATION).apps
    importlib.import_module(f"core.migrations.{MIGRATION[1]}").copy_to_unrestricted_translations(apps, None)


def restrict_without_signals(page, group):
    """As a restriction made before ``core/privacy.py``: on one language only."""
    (restriction,) = PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=page, restriction_type=PageViewRestriction.GROUPS)]
    )
    through = PageViewRestriction.groups.through
    through.objects.bulk_create([through(pageviewrestriction_id=restriction.pk, group_id=group.pk)])


def test_the_migration_makes_the_translations_of_a_private_page_private(client):
    office = OfficePageFactory(slug="dinas-lama-tertutup")
    ContactPersonFactory(office=office, key="lama-kadis", name="Sutrisno Lama")
    english = translate(office, {"slug": "old-closed-department"})
    group = Group.objects.create(name="Tim Lama")
    restrict_without_signals(office, group)
    assert b"Sutrisno Lama" in client.get(english.url).content

    run_migration()
    run_migration()
    (copy,) = PageViewRestriction.objects.filter(page=english)
    assert copy.restriction_type == PageViewRestriction.GROUPS and list(copy.groups.all()) == [group]
    assert client.get(english.url).status_code == 302
    assert PageViewRestriction.objects.count() == 2
