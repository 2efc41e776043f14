"""Import of directory files (``schema.py``) into the site, in both languages.

The whole file is validated before anything is written, and the writing runs
in one transaction: a malformed file changes nothing. Records are keyed on
their stable identifiers, so a second run of the same file changes nothing.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from wagtail.models import Locale, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.regency import apply_region
from core.translation import contact_paths, stream_paths, translate_page

from ..models import ContactPerson, DirectoryIndexPage, OfficePage, OpeningHours, ServiceOfficer, ServicePage
from ..translation import sync as translation_sync
from .records import office_record, service_record
from .validation import DirectoryFileError, validate_directory


class NoDirectoryIndex(LookupError):
    """The site has no directory page to import into."""

    def __init__(self):
        super().__init__(
            "The site has no directory page to import into: run `manage.py load_demo`, "
            "or create the directory page under the home page in the admin first."
        )


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


def site_directory_index():
    """The directory page of the default site, in the site's source language; ``NoDirectoryIndex`` if none."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    index = None
    if site is not None:
        index = (
            DirectoryIndexPage.objects.descendant_of(site.root_page, inclusive=True)
            .filter(locale=Locale.get_default())
            .first()
        )
    if index is None:
        raise NoDirectoryIndex
    return index


def import_directory(data, directory_index=None, progress=None):
    """Create or update offices, contacts and services from a validated file, in both languages."""
    errors = validate_directory(data) or _conflicts_with_database(data)
    if errors:
        raise DirectoryFileError(errors)
    report = ImportReport()
    touched = []
    # Each page is saved several times on its way (created, published, translated); index its
    # references once at the end instead of after every save. The importer knows the English
    # text and translates each page itself right after publishing it.
    with disable_reference_index_auto_update(), translation_sync.suspended(), transaction.atomic():
        if directory_index is None:
            directory_index = site_directory_index()
        english = Locale.objects.get(language_code="en")
        apply_region(data.get("region"))
        entries = data["opds"]
        for position, entry in enumerate(entries, start=1):
            office = _upsert_office(entry, directory_index, english, report)
            touched.append(office)
            for service in entry["services"]:
                touched.append(_upsert_service(service, office, english, report))
            if progress:
                progress(position, len(entries), entry["slug"])
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
        contact["key"]: (office["slug"], f"opds[{index}] ({office['slug']})")
        for index, office in enumerate(data["opds"])
        for contact in office["contacts"]
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


def _normalized_office(office):
    record = {key: value for key, value in office.items() if key != "services"}
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


def _upsert_office(entry, directory_index, english, report):
    incoming = _normalized_office(entry)
    office = OfficePage.objects.filter(stable_slug=entry["slug"], locale=directory_index.locale).first()
    existing_record = None
    if office is not None:
        existing_record = office_record(office, office.get_translation_or_none(english))
    _count_contacts(existing_record, incoming, report.contacts)
    if existing_record == incoming:
        report.offices.unchanged += 1
        return office
    if office is None:
        office = OfficePage(stable_slug=entry["slug"], slug=entry["slug"])
        _apply_office(office, entry)
        directory_index.add_child(instance=office)
        report.offices.created += 1
    else:
        office = office.specific
        _apply_office(office, entry)
        report.offices.updated += 1
    office.save_revision().publish()
    office = OfficePage.objects.get(pk=office.pk)
    paths = {"title": entry["name"]["en"], "slug": office.slug, "summary": entry["summary"]["en"]}
    by_key = {contact["key"]: contact for contact in entry["contacts"]}
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


def _apply_office(office, entry):
    office.title = entry["name"]["id"]
    office.kind = entry["kind"]
    office.acronym = entry["acronym"]
    office.other_names = ", ".join(entry["aliases"])
    office.summary = entry["summary"]["id"]
    office.address = entry["address"]
    office.phone = entry["phone"]
    office.email = entry["email"]
    office.website = entry["website"]
    if entry.get("coordinates") is not None:
        office.latitude, office.longitude = (Decimal(str(round(float(v), 6))) for v in entry["coordinates"])
    else:
        office.latitude = office.longitude = None
    office.opening_hours = [
        OpeningHours(
            first_day=line["days"].split("-")[0],
            last_day=line["days"].split("-")[1] if "-" in line["days"] else "",
            opens=datetime.time.fromisoformat(line["opens"]),
            closes=datetime.time.fromisoformat(line["closes"]),
            break_starts=_time_or_none(line.get("break_starts")),
            break_ends=_time_or_none(line.get("break_ends")),
            sort_order=position,
        )
        for position, line in enumerate(entry["opening_hours"])
    ]
    existing = {contact.key: contact for contact in office.contacts.all()} if office.pk else {}
    contacts = []
    for position, record in enumerate(entry["contacts"]):
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
    # A file written before services had situations says nothing of them: it means none.
    record = {"situations": {"id": [], "en": []}, **record}
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
    service.situations = [("situation", text) for text in record["situations"]["id"]]
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
    paths.update(stream_paths("situations", service.situations, record["situations"]["en"]))
    paths.update(stream_paths("requirements", service.requirements, record["requirements"]["en"]))
    paths.update(stream_paths("procedure", service.procedure, record["procedure"]["en"]))
    translate_page(service, paths, english)
    return service


def _time_or_none(text):
    return datetime.time.fromisoformat(text) if text else None
