from django.core.management.base import BaseCommand, CommandError

from core.progress import Progress
from directory.transfer import DirectoryFileError, NoDirectoryIndex, import_directory, load_directory_file
from search.signals import embeddings_deferred
from search.site_search import refresh_embeddings


class Command(BaseCommand):
    help = "Create or update offices, services and contacts (both languages) from a directory JSON file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A file in the format of docs/schema/directory.schema.json.")

    def handle(self, *args, **options):
        try:
            data = load_directory_file(options["file"])
            progress = Progress(self.stdout, "Importing offices") if options["verbosity"] else None
            with embeddings_deferred():
                report = import_directory(data, progress=progress)
        except NoDirectoryIndex as error:
            raise CommandError(str(error)) from None
        except DirectoryFileError as error:
            for line in error.errors[:200]:
                self.stderr.write(line)
            if len(error.errors) > 200:
                self.stderr.write(f"… and {len(error.errors) - 200} more problems")
            raise CommandError(f"{len(error.errors)} problem(s) found; nothing was imported.") from None
        self.stdout.write(self.style.SUCCESS(f"Offices: {report.offices}"))
        self.stdout.write(self.style.SUCCESS(f"Services: {report.services}"))
        self.stdout.write(self.style.SUCCESS(f"Contacts: {report.contacts}"))
        embedded = refresh_embeddings(
            Progress(self.stdout, "Embedding search documents") if options["verbosity"] else None
        )
        self.stdout.write(f"Search embeddings computed: {embedded}")
