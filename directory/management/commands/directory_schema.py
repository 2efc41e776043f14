from django.core.management.base import BaseCommand

from directory.transfer import schema_text
from directory.transfer.writing import SCHEMA_FILE


class Command(BaseCommand):
    help = "Write the JSON Schema of directory files (declared in directory/transfer/schema.py)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", help=f"File to write (the published one is {SCHEMA_FILE}); standard output when omitted."
        )

    def handle(self, *args, **options):
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(schema_text())
            self.stderr.write(f"Wrote the directory file schema to {options['output']}")
        else:
            self.stdout.write(schema_text(), ending="")
