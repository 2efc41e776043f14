from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from announcements.demo import load_demo_announcements
from directory.roles import setup_roles
from directory.transfer import import_directory, load_directory_file
from melayani.structure import ensure_site_structure
from search.progress import Progress
from search.service import refresh_embeddings
from search.signals import embeddings_deferred

DEMO_FILE = Path(__file__).resolve().parents[2] / "data" / "directory.json"
DEMO_ADMIN = ("admin", "melayani-demo")


class Command(BaseCommand):
    help = "Build the demo site (both languages, search index, a local admin) from the vendored sample data."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DEMO_FILE), help="Directory file to load (default: the sample).")
        parser.add_argument("--no-admin", action="store_true", help="Do not create the local admin user.")
        parser.add_argument(
            "--with-demo-admin",
            action="store_true",
            help="Create the demo admin even with DEBUG off (its password is published: never on a real site).",
        )

    def handle(self, *args, **options):
        progress = Progress(self.stdout, "Importing offices") if options["verbosity"] else None
        with embeddings_deferred():
            _home, directory_index = ensure_site_structure()
            report = import_directory(load_directory_file(options["file"]), directory_index, progress=progress)
            self.stdout.write(f"Offices: {report.offices}\nServices: {report.services}\nContacts: {report.contacts}")
            self.stdout.write(f"Announcements: {load_demo_announcements()} created")
        setup_roles()
        embedding = Progress(self.stdout, "Embedding search documents") if options["verbosity"] else None
        self.stdout.write(f"Search embeddings computed: {refresh_embeddings(embedding)}")
        if report.changed:
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

    def ensure_admin(self):
        username, password = DEMO_ADMIN
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            return
        User.objects.create_superuser(username=username, email="admin@example.go.id", password=password)
        self.stdout.write(f"Local admin created: {username} / {password} (for this demo database only).")
