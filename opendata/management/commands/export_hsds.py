from django.core.management.base import BaseCommand, CommandError

from opendata.export import ExportError, export_hsds


class Command(BaseCommand):
    help = "Write the directory as an Open Referral HSDS 3.0 tabular data package (CSV files and datapackage.json)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", required=True, help="Folder to write the package into.")
        parser.add_argument("--lang", choices=["id", "en"], default="id", help="Language of the texts (default id).")

    def handle(self, *args, **options):
        try:
            counts = export_hsds(options["output"], options["lang"])
        except ExportError as problem:
            raise CommandError(str(problem)) from None
        summary = ", ".join(f"{count} {table}" for table, count in counts.items())
        self.stderr.write(f"Wrote HSDS 3.0 ({options['lang']}) to {options['output']}: {summary}")
