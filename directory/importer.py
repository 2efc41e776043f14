"""Import of directory files in the sample-data schema (``SCHEMA.md``).

The whole file is validated before anything is written, and the writing runs
in one transaction: a malformed file changes nothing. Records are keyed on
their stable identifiers, so a second run of the same file changes nothing.
"""

import datetime
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from wagtail.models import Locale, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.regency import apply_region
from core.translation import contact_paths, stream_paths, translate_page

from . import translation_sync
from .models import (
    CONTACT_LEVEL_RANK,
    OFFICE_KIND_ORDER,
    ContactPerson,
    OfficePage,
    OpeningHours,
    ServiceOfficer,
    ServicePage,
)
from .records import office_record, service_record

LANGUAGES = ("id", "en")
IDENTIFIER_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DAYS_RE = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?$")
TIME_RE = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$")
OPD_FIELDS = {
    "slug", "kind", "acronym", "aliases", "name", "summary", "address", "phone", "email", "website",
    "opening_hours", "coordinates", "contacts", "services",
}  # fmt: skip
CONTACT_FIELDS = {"key", "name", "level", "position", "field", "handles", "phone", "whatsapp", "email"}
SERVICE_FIELDS = {
    "slug", "name", "summary", "requirements", "procedure", "duration", "cost", "output",
    "legal_basis", "channels", "contacts", "keywords",
}  # fmt: skip


class DirectoryFileError(Exception):
    """The file cannot be imported; ``errors`` names each record and field at fault."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


@dataclass
class ImportReport:
    offices: Counts = field(default_factory=Counts)
    services: Counts = field(default_factory=Counts)
    contacts: Counts = field(default_factory=Counts)

    @property
    def changed(self):
        return any(counts.created or counts.updated for counts in (self.offices, self.services, self.contacts))


# --- reading and validating -------------------------------------------------


def load_directory_file(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise DirectoryFileError([f"{path}: no such file"]) from None
    except UnicodeDecodeError as error:
        raise DirectoryFileError([f"{path}: not UTF-8 text ({error.reason})"]) from None
    except json.JSONDecodeError as error:
        raise DirectoryFileError(
            [f"{path}: not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"]
        ) from None


class _Validator:
    def __init__(self):
        self.errors = []

    def error(self, where, message):
        self.errors.append(f"{where}: {message}")

    def text(self, where, value, allow_empty=False):
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            self.error(where, "must be a non-empty string" if not allow_empty else "must be a string")
            return False
        return True

    def bilingual_text(self, where, value):
        if not isinstance(value, dict) or set(value) != set(LANGUAGES):
            self.error(where, "must be an object with exactly the keys 'id' and 'en'")
            return
        for language in LANGUAGES:
            self.text(f"{where}.{language}", value[language])

    def bilingual_list(self, where, value, aligned):
        if not isinstance(value, dict) or set(value) != set(LANGUAGES):
            self.error(where, "must be an object with exactly the keys 'id' and 'en'")
            return
        for language in LANGUAGES:
            self.string_list(f"{where}.{language}", value[language])
        both_lists = all(isinstance(value[language], list) for language in LANGUAGES)
        if aligned and both_lists and len(value["id"]) != len(value["en"]):
            self.error(where, f"'id' has {len(value['id'])} items but 'en' has {len(value['en'])}; they must align")

    def string_list(self, where, value, allow_empty_list=False):
        if not isinstance(value, list) or (not value and not allow_empty_list):
            self.error(where, "must be a non-empty list of strings" if not allow_empty_list else "must be a list")
            return
        for index, item in enumerate(value):
            self.text(f"{where}[{index}]", item)

    def identifier(self, where, value, seen, what):
        if not isinstance(value, str) or not IDENTIFIER_RE.match(value):
            self.error(where, f"{what} must be lowercase letters, digits and single hyphens, got {value!r}")
        elif value in seen:
            self.error(where, f"duplicate {what} {value!r}")
        else:
            seen.add(value)

    def email(self, where, value, required):
        if not isinstance(value, str) or (required and not value):
            self.error(where, "must be an e-mail address")
            return
        if value:
            try:
                EmailValidator()(value)
            except ValidationError:
                self.error(where, f"{value!r} is not an e-mail address")

    def records(self, where, value, key):
        """(label, record) for each object of a list of records; reports what is not one."""
        if not isinstance(value, list):
            self.error(where, "must be a list")
            return
        for index, record in enumerate(value):
            label = _label(where, index, record, key)
            if isinstance(record, dict):
                yield label, record
            else:
                self.error(label, "must be an object")

    def fields(self, where, record, expected):
        missing, unknown = expected - set(record), set(record) - expected
        if missing:
            self.error(where, f"missing fields: {', '.join(sorted(missing))}")
        if unknown:
            self.error(where, f"unknown fields: {', '.join(sorted(unknown))}")


def _label(prefix, index, record, key):
    identifier = record.get(key) if isinstance(record, dict) else None
    return f"{prefix}[{index}]" + (f" ({identifier})" if isinstance(identifier, str) else "")


def validate_directory(data):
    """Every problem of the file, each naming its record and field; empty when importable."""
    check = _Validator()
    if not isinstance(data, dict):
        return ["top level: must be an object with 'version', 'region' and 'opds'"]
    if data.get("version") != 1:
        check.error("version", f"unsupported version {data.get('version')!r}; expected 1")
    if not isinstance(data.get("region", {}), dict):
        check.error("region", "must be an object")
    opds = data.get("opds")
    office_slugs, service_slugs, contact_keys = set(), set(), set()
    for where, opd in check.records("opds", opds, "slug"):
        check.fields(where, opd, OPD_FIELDS)
        check.identifier(f"{where}.slug", opd.get("slug"), office_slugs, "office slug")
        if opd.get("kind") not in OFFICE_KIND_ORDER:
            check.error(f"{where}.kind", f"must be one of {', '.join(OFFICE_KIND_ORDER)}, got {opd.get('kind')!r}")
        check.text(f"{where}.acronym", opd.get("acronym"), allow_empty=True)
        check.string_list(f"{where}.aliases", opd.get("aliases"), allow_empty_list=True)
        check.bilingual_text(f"{where}.name", opd.get("name"))
        check.bilingual_text(f"{where}.summary", opd.get("summary"))
        for name in ("address", "phone"):
            check.text(f"{where}.{name}", opd.get(name), allow_empty=True)
        check.email(f"{where}.email", opd.get("email"), required=False)
        website = opd.get("website", "")
        if not isinstance(website, str):
            check.error(f"{where}.website", "must be a string")
        elif website:
            try:
                URLValidator()(website)
            except ValidationError:
                check.error(f"{where}.website", f"{website!r} is not a web address")
        _validate_hours(check, f"{where}.opening_hours", opd.get("opening_hours"))
        _validate_coordinates(check, f"{where}.coordinates", opd.get("coordinates"))
        office_contacts = set()
        for contact_where, contact in check.records(f"{where}.contacts", opd.get("contacts"), "key"):
            _validate_contact(check, contact_where, contact, contact_keys)
            office_contacts.add(contact.get("key"))
        for service_where, service in check.records(f"{where}.services", opd.get("services"), "slug"):
            _validate_service(check, service_where, service, service_slugs, office_contacts)
    return check.errors


def _validate_contact(check, where, contact, seen_keys):
    check.fields(where, contact, CONTACT_FIELDS)
    check.identifier(f"{where}.key", contact.get("key"), seen_keys, "contact key")
    check.text(f"{where}.name", contact.get("name"))
    if contact.get("level") not in CONTACT_LEVEL_RANK:
        check.error(f"{where}.level", f"must be one of {', '.join(CONTACT_LEVEL_RANK)}, got {contact.get('level')!r}")
    for name in ("position", "field", "handles"):
        check.bilingual_text(f"{where}.{name}", contact.get(name))
    for name in ("phone", "whatsapp"):
        check.text(f"{where}.{name}", contact.get(name), allow_empty=True)
    check.email(f"{where}.email", contact.get("email"), required=False)


def _validate_service(check, where, service, seen_slugs, office_contacts):
    check.fields(where, service, SERVICE_FIELDS)
    check.identifier(f"{where}.slug", service.get("slug"), seen_slugs, "service slug")
    for name in ("name", "summary", "duration", "cost", "output"):
        check.bilingual_text(f"{where}.{name}", service.get(name))
    check.bilingual_list(f"{where}.requirements", service.get("requirements"), aligned=True)
    check.bilingual_list(f"{where}.procedure", service.get("procedure"), aligned=True)
    check.bilingual_list(f"{where}.keywords", service.get("keywords"), aligned=False)
    check.string_list(f"{where}.legal_basis", service.get("legal_basis"), allow_empty_list=True)
    check.string_list(f"{where}.channels", service.get("channels"), allow_empty_list=True)
    keywords = service.get("keywords")
    if isinstance(keywords, dict):
        for language in LANGUAGES:
            for keyword in keywords.get(language) or []:
                if isinstance(keyword, str) and "," in keyword:
                    check.error(f"{where}.keywords.{language}", f"keyword {keyword!r} must not contain a comma")
    contacts = service.get("contacts")
    if not isinstance(contacts, list):
        check.error(f"{where}.contacts", "must be a list of contact keys")
        return
    for key in contacts:
        if key not in office_contacts:
            check.error(f"{where}.contacts", f"{key!r} is not a contact of this office")


def _validate_hours(check, where, hours):
    if not isinstance(hours, list):
        check.error(where, "must be a list")
        return
    for index, line in enumerate(hours):
        line_where = f"{where}[{index}]"
        if not isinstance(line, dict) or set(line) != {"days", "opens", "closes"}:
            check.error(line_where, "must be an object with 'days', 'opens' and 'closes'")
            continue
        if not isinstance(line["days"], str) or not DAYS_RE.match(line["days"]):
            check.error(f"{line_where}.days", f"must look like 'Mon-Thu' or 'Fri', got {line['days']!r}")
        for name in ("opens", "closes"):
            if not isinstance(line[name], str) or not TIME_RE.match(line[name]):
                check.error(f"{line_where}.{name}", f"must be a time HH:MM, got {line[name]!r}")
        times_valid = all(isinstance(line[n], str) and TIME_RE.match(line[n]) for n in ("opens", "closes"))
        if times_valid and line["closes"] <= line["opens"]:
            check.error(f"{line_where}.closes", "must be after the opening time")


def _validate_coordinates(check, where, coordinates):
    if coordinates is None:
        return
    valid = (
        isinstance(coordinates, list)
        and len(coordinates) == 2
        and all(isinstance(value, int | float) and not isinstance(value, bool) for value in coordinates)
    )
    if not valid or not (-90 <= coordinates[0] <= 90 and -180 <= coordinates[1] <= 180):
        check.error(where, "must be [latitude, longitude] in degrees")


# --- writing ----------------------------------------------------------------


def import_directory(data, directory_index=None, progress=None):
    """Create or update offices, contacts and services from a validated file, in both languages."""
    errors = validate_directory(data) or _conflicts_with_database(data)
    if errors:
        raise DirectoryFileError(errors)
    from melayani.structure import ensure_site_structure

    report = ImportReport()
    touched = []
    # Each page is saved several times on its way (created, published, translated); index its
    # references once at the end instead of after every save. The importer knows the English
    # text and translates each page itself right after publishing it.
    with disable_reference_index_auto_update(), translation_sync.suspended(), transaction.atomic():
        if directory_index is None:
            _home, directory_index = ensure_site_structure()
        english = Locale.objects.get(language_code="en")
        apply_region(data.get("region"))
        opds = data["opds"]
        for position, opd in enumerate(opds, start=1):
            office = _upsert_office(opd, directory_index, english, report)
            touched.append(office)
            for service in opd["services"]:
                touched.append(_upsert_service(service, office, english, report))
            if progress:
                progress(position, len(opds), opd["slug"])
        if report.changed:
            _update_references(touched, english)
    return report


def _update_references(pages, english):
    for page in pages:
        for version in (page, page.get_translation_or_none(english)):
            if version is not None:
                ReferenceIndex.create_or_update_for_object(version)


def _conflicts_with_database(data):
    """Contacts the file files under another office than the database does: refused, not moved silently."""
    office_of_key = {
        contact["key"]: (opd["slug"], f"opds[{index}] ({opd['slug']})")
        for index, opd in enumerate(data["opds"])
        for contact in opd["contacts"]
    }
    existing = ContactPerson.objects.filter(key__in=office_of_key, locale=Locale.get_default()).values_list(
        "key", "office__stable_slug"
    )
    return [
        f"{office_of_key[key][1]}.contacts ({key}): this contact belongs to office '{office}' in the database; "
        "remove it there first"
        for key, office in existing
        if office != office_of_key[key][0]
    ]


def _normalized_office(opd):
    record = {key: value for key, value in opd.items() if key != "services"}
    if record.get("coordinates") is not None:
        record["coordinates"] = [round(float(value), 6) for value in record["coordinates"]]
    return record


def _count_contacts(existing_record, incoming, counts):
    existing = {contact["key"]: contact for contact in (existing_record or {}).get("contacts", [])}
    for contact in incoming["contacts"]:
        if contact["key"] not in existing:
            counts.created += 1
        elif existing[contact["key"]] == contact:
            counts.unchanged += 1
        else:
            counts.updated += 1


def _upsert_office(opd, directory_index, english, report):
    incoming = _normalized_office(opd)
    office = OfficePage.objects.filter(stable_slug=opd["slug"], locale=directory_index.locale).first()
    existing_record = None
    if office is not None:
        existing_record = office_record(office, office.get_translation_or_none(english))
    _count_contacts(existing_record, incoming, report.contacts)
    if existing_record == incoming:
        report.offices.unchanged += 1
        return office
    if office is None:
        office = OfficePage(stable_slug=opd["slug"], slug=opd["slug"])
        _apply_office(office, opd)
        directory_index.add_child(instance=office)
        report.offices.created += 1
    else:
        office = office.specific
        _apply_office(office, opd)
        report.offices.updated += 1
    office.save_revision().publish()
    office = OfficePage.objects.get(pk=office.pk)
    paths = {"title": opd["name"]["en"], "slug": office.slug, "summary": opd["summary"]["en"]}
    by_key = {contact["key"]: contact for contact in opd["contacts"]}
    paths.update(
        contact_paths(
            "contacts",
            [
                (
                    contact,
                    {
                        "position": by_key[contact.key]["position"]["en"],
                        "field_of_work": by_key[contact.key]["field"]["en"],
                        "handles": by_key[contact.key]["handles"]["en"],
                    },
                )
                for contact in office.contacts.all()
            ],
        )
    )
    translate_page(office, paths, english)
    return office


def _apply_office(office, opd):
    office.title = opd["name"]["id"]
    office.kind = opd["kind"]
    office.acronym = opd["acronym"]
    office.other_names = ", ".join(opd["aliases"])
    office.summary = opd["summary"]["id"]
    office.address = opd["address"]
    office.phone = opd["phone"]
    office.email = opd["email"]
    office.website = opd["website"]
    if opd.get("coordinates") is not None:
        office.latitude, office.longitude = (Decimal(str(round(float(v), 6))) for v in opd["coordinates"])
    else:
        office.latitude = office.longitude = None
    office.opening_hours = [
        OpeningHours(
            first_day=line["days"].split("-")[0],
            last_day=line["days"].split("-")[1] if "-" in line["days"] else "",
            opens=datetime.time.fromisoformat(line["opens"]),
            closes=datetime.time.fromisoformat(line["closes"]),
            sort_order=position,
        )
        for position, line in enumerate(opd["opening_hours"])
    ]
    existing = {contact.key: contact for contact in office.contacts.all()} if office.pk else {}
    contacts = []
    for position, record in enumerate(opd["contacts"]):
        contact = existing.get(record["key"]) or ContactPerson(key=record["key"])
        contact.sort_order = position
        contact.name = record["name"]
        contact.level = record["level"]
        contact.position = record["position"]["id"]
        contact.field_of_work = record["field"]["id"]
        contact.handles = record["handles"]["id"]
        contact.phone = record["phone"]
        contact.whatsapp = record["whatsapp"]
        contact.email = record["email"]
        contacts.append(contact)
    office.contacts = contacts


def _upsert_service(record, office, english, report):
    service = ServicePage.objects.filter(stable_slug=record["slug"], locale=office.locale).first()
    if service is not None:
        existing = service_record(service, service.get_translation_or_none(english))
        if existing == record and service.get_parent().pk == office.pk:
            report.services.unchanged += 1
            return service
        service = service.specific
        if service.get_parent().pk != office.pk:
            service.move(office, pos="last-child")
            service = ServicePage.objects.get(pk=service.pk)
        report.services.updated += 1
    else:
        service = ServicePage(stable_slug=record["slug"], slug=record["slug"])
        report.services.created += 1
    service.title = record["name"]["id"]
    service.summary = record["summary"]["id"]
    service.requirements = [("requirement", text) for text in record["requirements"]["id"]]
    service.procedure = [("step", text) for text in record["procedure"]["id"]]
    service.duration = record["duration"]["id"]
    service.cost = record["cost"]["id"]
    service.output = record["output"]["id"]
    service.legal_basis = [("regulation", text) for text in record["legal_basis"]]
    service.channels = [("channel", text) for text in record["channels"]]
    service.keywords = ", ".join(record["keywords"]["id"])
    contacts_by_key = {contact.key: contact for contact in office.contacts.all()}
    service.responsible_officers = [
        ServiceOfficer(contact=contacts_by_key[key], sort_order=position)
        for position, key in enumerate(record["contacts"])
    ]
    if service.pk is None:
        office.add_child(instance=service)
    service.save_revision().publish()
    service = ServicePage.objects.get(pk=service.pk)
    paths = {
        "title": record["name"]["en"],
        "slug": service.slug,
        "summary": record["summary"]["en"],
        "duration": record["duration"]["en"],
        "cost": record["cost"]["en"],
        "output": record["output"]["en"],
        "keywords": ", ".join(record["keywords"]["en"]),
    }
    paths.update(stream_paths("requirements", service.requirements, record["requirements"]["en"]))
    paths.update(stream_paths("procedure", service.procedure, record["procedure"]["en"]))
    translate_page(service, paths, english)
    return service
