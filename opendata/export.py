"""The directory as an HSDS 3.0 tabular data package: one CSV file per table and a ``datapackage.json``.

The records are the API's fully nested ones, flattened: every nested child already carries
its parent's id, so each table is the set of children of one kind, merged by id.
"""

import csv
import datetime
import json
import os
from pathlib import Path

from django.utils import translation
from wagtail.models import Locale

from . import mapping, queries
from .config import hsds_config
from .schemas import table_resources

TABLE_OF_KEY = {
    "organization": "organization",
    "services": "service",
    "contacts": "contact",
    "phones": "phone",
    "locations": "location",
    "location": "location",
    "addresses": "address",
    "schedules": "schedule",
    "service_at_locations": "service_at_location",
    "required_documents": "required_document",
    "cost_options": "cost_option",
}


class ExportError(Exception):
    """The package cannot be written; the message says why."""


def nested_records(locale):
    """Every live organization and service of ``locale``, fully nested as the API serves them."""
    offices = queries.offices_by_path(locale)
    districts = [office for office in offices.values() if office.kind == "kecamatan"]
    services = queries.filtered_services(locale, offices)
    services_by_office = {}
    for service in services:
        services_by_office.setdefault(queries.parent_path(service), []).append(service)
    language = locale.language_code
    organizations = [
        mapping.organization(office, services_by_office.get(path, []), language) for path, office in offices.items()
    ]
    service_records = [
        mapping.service(service, office, service.officers(), districts, language)
        for path, office in offices.items()
        for service in services_by_office.get(path, [])
    ]
    return organizations, service_records


def flatten(record, table, tables):
    """Add ``record`` and its nested children to ``tables`` ({table: {id: row}})."""
    row = {}
    for key, value in record.items():
        if isinstance(value, dict):
            flatten(value, TABLE_OF_KEY[key], tables)
        elif isinstance(value, list):
            for child in value:
                flatten(child, TABLE_OF_KEY[key], tables)
        else:
            row[key] = value
    tables.setdefault(table, {}).setdefault(row["id"], {}).update(row)


def tabulate(organizations, services):
    tables = {}
    for organization in organizations:
        flatten(organization, "organization", tables)
    for service in services:
        flatten(service, "service", tables)
    return tables


def writable_folder(output):
    folder = Path(output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as problem:
        raise ExportError(f"Cannot create the folder {folder}: {problem.strerror}.") from None
    if not os.access(folder, os.W_OK):
        raise ExportError(f"Cannot write to the folder {folder}: permission denied.")
    return folder


def write_table(folder, resource, rows):
    columns = [field["name"] for field in resource["schema"]["fields"]]
    with open(folder / resource["path"], "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def descriptor(language, resources):
    config = hsds_config()
    return {
        "name": f"{config['dataset_name']}-{language}",
        "title": config["dataset_title"][language],
        "profile": "tabular-data-package",
        "hsds_version": config["hsds_version"],
        "language": language,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "resources": resources,
    }


def export_hsds(output, language_code="id"):
    """Write the package for ``language_code`` into the folder ``output``; return {table: row count}."""
    try:
        locale = Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        raise ExportError(f"Unknown language {language_code!r}; use id or en.") from None
    folder = writable_folder(output)
    with translation.override(language_code):
        tables = tabulate(*nested_records(locale))
    official = table_resources()
    resources = []
    try:
        for table in sorted(tables, key=list(official).index):
            write_table(folder, official[table], tables[table].values())
            resources.append(official[table])
        with open(folder / "datapackage.json", "w", encoding="utf-8") as handle:
            json.dump(descriptor(language_code, resources), handle, ensure_ascii=False, indent=2)
    except OSError as problem:
        raise ExportError(f"Cannot write the package into {folder}: {problem.strerror}.") from None
    return {table: len(rows) for table, rows in tables.items()}
