"""Upgrading the database: the regency settings move to core, and what ``migrate`` tells while it works."""

import importlib
import io

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from core.models import RegencySettings

# These tests migrate the schema back and forth, so they run on a transactional database,
# which is flushed after each: tests/conftest.py runs them after every other test.
pytestmark = [pytest.mark.flushes_database, pytest.mark.database_specific]

BEFORE_MOVE = [("melayani", "0001_initial"), ("core", None)]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([node for node in targets if node[1]]).apps


def leaf_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def before_the_move(transactional_db):
    """The database as the release before the move left it; brought back to the current schema afterwards.

    Transactional: SQLite cannot alter tables inside the transaction of an ordinary test.
    pytest-django runs such tests after the others and empties the database after each.
    """
    try:
        yield migrate(BEFORE_MOVE)
    finally:
        migrate(leaf_nodes())
        ContentType.objects.clear_cache()


def give_group_the_old_permissions(old_apps, core_content_type_too=False):
    ContentType = old_apps.get_model("contenttypes", "ContentType")
    Permission = old_apps.get_model("auth", "Permission")
    OldGroup = old_apps.get_model("auth", "Group")
    ContentType.objects.filter(app_label="core", model="regencysettings").delete()
    old_type, _ = ContentType.objects.get_or_create(app_label="melayani", model="regencysettings")
    if core_content_type_too:
        # As left by a post_migrate that created core's permissions before the data moved.
        core_type = ContentType.objects.create(app_label="core", model="regencysettings")
        for action in ("change", "view"):
            Permission.objects.create(
                content_type=core_type, codename=f"{action}_regencysettings", name=f"Can {action} settings"
            )
    group = OldGroup.objects.create(name="Humas")
    for action in ("change", "view"):
        permission, _ = Permission.objects.get_or_create(
            content_type=old_type, codename=f"{action}_regencysettings", defaults={"name": f"Can {action}"}
        )
        group.permissions.add(permission)


@pytest.mark.parametrize("core_content_type_too", [False, True], ids=["fresh", "core-type-exists"])
def test_upgrading_keeps_the_settings_row_and_the_groups_right_to_edit_it(before_the_move, core_content_type_too):
    OldSettings = before_the_move.get_model("melayani", "RegencySettings")
    OldSettings.objects.all().delete()
    OldSettings.objects.create(call_center="0333424000", response_hours=9)
    give_group_the_old_permissions(before_the_move, core_content_type_too)

    migrate(leaf_nodes())

    settings = RegencySettings.objects.get()
    assert (settings.call_center, settings.response_hours) == ("0333424000", 9)
    # Old hosts of a rolling deploy read the same table under the name they know.
    assert RegencySettings._meta.db_table in connection.introspection.table_names()
    assert RegencySettings._meta.db_table == "melayani_regencysettings"
    group = Group.objects.get(name="Humas")
    granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    assert granted == {"core.change_regencysettings", "core.view_regencysettings"}
    assert not ContentType.objects.filter(app_label="melayani", model="regencysettings").exists()


class Terminal(io.StringIO):
    def isatty(self):
        return True


# The last two migrations of the project apply on their own once the move has been undone.
LAST_OF_CORE = "core.0002_regency_phone_numbers_are_validated"


@pytest.fixture
def two_migrations_pending(transactional_db):
    try:
        migrate([("melayani", "0001_initial"), ("core", "0001_regency_settings_from_melayani")])
        yield
    finally:
        migrate(leaf_nodes())


def test_a_failing_migration_is_named_after_the_progress_bar_ends(two_migrations_pending, monkeypatch):
    module = importlib.import_module(f"core.migrations.{LAST_OF_CORE.split('.')[1]}")

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    out, err = Terminal(), io.StringIO()
    with monkeypatch.context() as patch:
        patch.setattr(module.Migration, "apply", fail)
        with pytest.raises(RuntimeError, match="disk full"):
            call_command("migrate", stdout=out, stderr=err)
    # Whatever the bar had drawn, its line is ended: the error starts on a line of its own.
    assert out.getvalue().endswith("\n")
    assert err.getvalue().splitlines() == [f"Failed while applying {LAST_OF_CORE}"]


def test_faked_migrations_are_listed_as_faked(two_migrations_pending):
    out = io.StringIO()
    call_command("migrate", fake=True, stdout=out)
    faked = [line.split()[1].rstrip(".") for line in out.getvalue().splitlines() if line.endswith(" FAKED")]
    graph = MigrationExecutor(connection).loader.graph
    after_the_move = [f"core.{name}" for app, name in graph.nodes if app == "core" and not name.startswith("0001_")]
    assert sorted(faked) == sorted([*after_the_move, "melayani.0002_regency_settings_to_core"])
