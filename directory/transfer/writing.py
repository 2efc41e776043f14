"""The directory as a file that ``import_directory`` reads back: export, and the published JSON Schema."""

import json
from pathlib import Path

from wagtail.models import Locale

from core.regency import exported_region

from ..models import OfficePage, ServicePage
from .records import office_record, service_record, translations_by_key
from .schema import json_schema

FILE_VERSION = 1
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "schema" / "directory.schema.json"


def export_offices(source_locale, target_locale):
    """Every office of ``source_locale`` with its services, both languages paired."""
    offices = list(
        OfficePage.objects.filter(locale=source_locale).order_by("path").prefetch_related("contacts", "opening_hours")
    )
    translated_offices = translations_by_key(OfficePage, offices, target_locale)
    records = []
    for office in offices:
        record = office_record(office, translated_offices.get(office.translation_key))
        services = list(
            ServicePage.objects.child_of(office).order_by("path").prefetch_related("responsible_officers__contact")
        )
        translated_services = translations_by_key(ServicePage, services, target_locale)
        record["services"] = [
            service_record(service, translated_services.get(service.translation_key)) for service in services
        ]
        records.append(record)
    return records


def export_document():
    """The whole directory, drafts included, in the file format (``schema.py``)."""
    source = Locale.objects.get(language_code="id")
    english = Locale.objects.get(language_code="en")
    return {"version": FILE_VERSION, "region": exported_region(), "opds": export_offices(source, english)}


def as_json(document):
    """The text of a JSON file as the repository keeps them: UTF-8 characters, indented, one final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def schema_text():
    """The JSON Schema of the file format, as committed in ``docs/schema/directory.schema.json``."""
    return as_json(json_schema())
