"""Build the demo site: the site structure, then each app's demo, the editors' roles and the search index."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.demo import app_demos
from core.progress import Progress
from directory.editorial.roles import setup_roles
from search.signals import embeddings_deferred, index_updates_deferred
from search.site_search import refresh_embeddings

from ...structure import ensure_site_structure

DEMO_ADMIN = ("admin", "melayani-demo")


class Command(BaseCommand):
    help = "Build the demo site (both languages, search index, a local admin) from each app's demo content."

    def add_arguments(self, parser):
        parser.add_argument("--file", help="Directory file to load (default: the vendored sample).")
        parser.add_argument(
            "--migrate",
            action="store_true",
            help="Apply the migrations first, in this process (bin/serve-demo: one Django start-up less).",
        )
        parser.add_argument("--no-admin", action="store_true", help="Do not create the local admin user.")
        parser.add_argument(
            "--with-demo-admin",
            action="store_true",
            help="Create the demo admin even with DEBUG off (its password is published: never on a real site).",
        )

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 0
        if options["migrate"]:
            call_command("migrate", interactive=False, verbosity=options["verbosity"], stdout=self.stdout)
        self.say(verbose, "Site structure: home page and directory in both languages")
        ensure_site_structure()
        changed = False
        # The index is rebuilt once below, after everything is written.
        with embeddings_deferred(), index_updates_deferred():
            for app_config, demo in app_demos():
                progress = Progress(self.stdout, f"Demo content: {app_config.label}") if verbose else None
                loaded = demo.load(progress, options)
                changed = changed or loaded.changed
                self.stdout.write(loaded.summary)
        setup_roles()
        self.say(verbose, "Search embeddings: loading the language model")
        embedding = Progress(self.stdout, "Embedding search documents") if verbose else None
        self.stdout.write(f"Search embeddings computed: {refresh_embeddings(embedding)}")
        if changed:
            self.say(verbose, "Rebuilding the search index")
            call_command("update_index", verbosity=0)
            self.stdout.write("Search index rebuilt.")
        if options["no_admin"]:
            return
        # The password is in the README: only a local demo (DEBUG on) or an explicit request gets this user.
        if settings.DEBUG or options["with_demo_admin"]:
            self.ensure_admin()
        else:
            self.stdout.write(
                self.style.WARNING(
                    "Demo admin not created: DEBUG is off. Create a real superuser with `manage.py createsuperuser`, "
                    "or pass --with-demo-admin for a throwaway demo database."
                )
            )

    def say(self, verbose, line):
        """A line before a step that shows no bar of its own, so that a first run is never silent."""
        if verbose:
            self.stdout.write(f"{line} …")
            self.stdout.flush()

    def ensure_admin(self):
        username, password = DEMO_ADMIN
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            return
        User.objects.create_superuser(username=username, email="admin@example.go.id", password=password)
        self.stdout.write(f"Local admin created: {username} / {password} (for this demo database only).")
