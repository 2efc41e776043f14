from django.core.management.base import BaseCommand, CommandError

from directory.importer import DirectoryFileError, import_directory, load_directory_file


class Command(BaseCommand):
    help = "Create or update offices, services and contacts (both languages) from a directory JSON file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A file in the schema of shared/data/SCHEMA.md.")

    def handle(self, *args, **options):
        try:
            data = load_directory_file(options["file"])
            report = import_directory(data, progress=self.show_progress if options["verbosity"] else None)
        except DirectoryFileError as error:
            for line in error.errors[:200]:
                self.stderr.write(line)
            if len(error.errors) > 200:
                self.stderr.write(f"… and {len(error.errors) - 200} more problems")
            raise CommandError(f"{len(error.errors)} problem(s) found; nothing was imported.") from None
        self.stdout.write(self.style.SUCCESS(f"Offices: {report.offices}"))
        self.stdout.write(self.style.SUCCESS(f"Services: {report.services}"))
        self.stdout.write(self.style.SUCCESS(f"Contacts: {report.contacts}"))

    def show_progress(self, done, total, slug):
        self.stdout.write(f"[{done}/{total}] {slug}")
