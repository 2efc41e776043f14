"""Django's ``migrate`` with one progress bar instead of a line per migration.

A new database applies a few hundred migrations (most of them Wagtail's), for
about a minute: at the default verbosity this shows how far it is and the time
left. ``-v 2`` keeps Django's line per migration with its duration, ``-v 0``
stays silent, and so does a migration of one app (``migrate APP [NAME]``).
``--fake`` and ``--fake-initial`` keep Django's lines, which mark each faked
migration. When a migration fails, the bar's line is ended and the migration
is named on stderr before the error.
"""

from django.core.management.commands.migrate import Command as DjangoMigrate
from django.db import connections
from django.db.migrations.executor import MigrationExecutor

from core.progress import Progress


class Command(DjangoMigrate):
    def handle(self, *args, **options):
        self.bar = None
        self.applied = 0
        self.current = None
        self.whole_project = not (
            options["app_label"] or options["plan"] or options.get("fake") or options.get("fake_initial")
        )
        self.database = options["database"]
        try:
            return super().handle(*args, **options)
        except BaseException:
            if self.bar is not None and self.current is not None:
                self.bar.close()
                self.stderr.write(f"Failed while applying {self.current.app_label}.{self.current.name}")
            raise

    def migration_progress_callback(self, action, migration=None, fake=False):
        if self.verbosity != 1 or not self.whole_project or action not in ("apply_start", "apply_success"):
            return super().migration_progress_callback(action, migration, fake)
        if self.bar is None:
            self.bar = Progress(self.stdout, "Applying migrations")
            self.pending = len(self.pending_plan())
        if action == "apply_start":
            self.current = migration
            return
        self.current = None
        self.applied += 1
        self.bar(self.applied, max(self.pending, self.applied))

    def pending_plan(self):
        executor = MigrationExecutor(connections[self.database])
        return executor.migration_plan(executor.loader.graph.leaf_nodes())
