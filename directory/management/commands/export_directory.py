from django.core.management.base import BaseCommand

from directory.transfer import export_document
from directory.transfer.writing import as_json


class Command(BaseCommand):
    help = "Write the directory (both languages) in the format that import_directory reads."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write; standard output when omitted.")

    def handle(self, *args, **options):
        document = export_document()
        text = as_json(document)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stderr.write(f"Wrote {len(document['opds'])} offices to {options['output']}")
        else:
            self.stdout.write(text, ending="")
