import json

from django.core.management.base import BaseCommand
from wagtail.models import Locale

from core.regency import exported_region
from directory.records import export_opds


class Command(BaseCommand):
    help = "Write the directory (both languages) in the schema that import_directory reads."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write; standard output when omitted.")

    def handle(self, *args, **options):
        source = Locale.objects.get(language_code="id")
        english = Locale.objects.get(language_code="en")
        document = {"version": 1, "region": exported_region(), "opds": export_opds(source, english)}
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stderr.write(f"Wrote {len(document['opds'])} offices to {options['output']}")
        else:
            self.stdout.write(text, ending="")
