"""Directory records in the file format of ``schema.py`` (``docs/schema/directory.schema.json``), read from the pages.

Export writes these records; import compares them with the incoming file to
tell unchanged records from updated ones, so that an import of an export is a
no-op by construction.
"""

from django.db.models import Q
from wagtail.models import Locale

from core.privacy import visible_to_public

from ..models import OfficePage, ServicePage


def _pair(source_value, translated_value):
    return {"id": source_value, "en": translated_value if translated_value is not None else source_value}


def stream_texts(stream):
    return [str(block.value) for block in stream]


def _split(text):
    return [item.strip() for item in text.split(",") if item.strip()]


def contact_record(contact, translated=None):
    def both(field_name):
        return _pair(getattr(contact, field_name), getattr(translated, field_name) if translated else None)

    return {
        "key": contact.key,
        "name": contact.name,
        "level": contact.level,
        "position": both("position"),
        "field": both("field_of_work"),
        "handles": both("handles"),
        "phone": contact.phone,
        "whatsapp": contact.whatsapp,
        "email": contact.email,
    }


def opening_hours_record(hours):
    """A line of opening hours; the break only when there is one, so older files stay as they were."""
    record = {"days": hours.days_code, "opens": f"{hours.opens:%H:%M}", "closes": f"{hours.closes:%H:%M}"}
    if hours.break_starts is not None and hours.break_ends is not None:
        record |= {"break_starts": f"{hours.break_starts:%H:%M}", "break_ends": f"{hours.break_ends:%H:%M}"}
    return record


def office_record(office, translated=None):
    """An office record without its services (those are pages of their own)."""
    translated_contacts = (
        {contact.translation_key: contact for contact in translated.contacts.all()} if translated else {}
    )
    return {
        "slug": office.stable_slug,
        "kind": office.kind,
        "acronym": office.acronym,
        "aliases": office.other_name_list,
        "name": _pair(office.title, translated.title if translated else None),
        "summary": _pair(office.summary, translated.summary if translated else None),
        "address": office.address,
        "phone": office.phone,
        "email": office.email,
        "website": office.website,
        "opening_hours": [opening_hours_record(hours) for hours in office.opening_hours.all()],
        "coordinates": ([float(office.latitude), float(office.longitude)] if office.latitude is not None else None),
        "contacts": [
            contact_record(contact, translated_contacts.get(contact.translation_key))
            for contact in office.contacts.all()
        ],
    }


def service_record(service, translated=None):
    def both(field_name):
        return _pair(getattr(service, field_name), getattr(translated, field_name) if translated else None)

    def both_streams(field_name):
        source = stream_texts(getattr(service, field_name))
        return {"id": source, "en": stream_texts(getattr(translated, field_name)) if translated else source}

    return {
        "slug": service.stable_slug,
        "name": _pair(service.title, translated.title if translated else None),
        "summary": both("summary"),
        "situations": both_streams("situations"),
        "requirements": both_streams("requirements"),
        "procedure": both_streams("procedure"),
        "duration": both("duration"),
        "cost": both("cost"),
        "output": both("output"),
        "legal_basis": stream_texts(service.legal_basis),
        "channels": stream_texts(service.channels),
        "contacts": [link.contact.key for link in service.responsible_officers.all()],
        "keywords": {
            "id": _split(service.keywords),
            "en": _split(translated.keywords) if translated else _split(service.keywords),
        },
    }


def children_of(pages):
    """A filter for the direct children of ``pages`` (none when there are no pages)."""
    condition = Q(pk__in=[])
    for page in pages:
        condition |= Q(path__startswith=page.path, depth=page.depth + 1)
    return condition


def translations_by_key(model, pages, locale):
    """{translation_key: page in ``locale``} for the given source pages."""
    keys = [page.translation_key for page in pages]
    return {page.translation_key: page for page in model.objects.filter(translation_key__in=keys, locale=locale)}


def published_offices(office_slugs=None):
    """Office records of the published, public offices and services, both languages paired.

    Drafts, unpublished, private and deleted pages are left out; ``office_slugs`` limits
    the records to those offices. A fixed number of queries whatever the size of the
    directory.
    """
    source = Locale.get_default()
    offices = visible_to_public(OfficePage.objects.filter(locale=source))
    if office_slugs is not None:
        offices = offices.filter(stable_slug__in=office_slugs)
    offices = list(offices.order_by("path").prefetch_related("contacts", "opening_hours"))
    services = visible_to_public(ServicePage.objects.filter(locale=source))
    if office_slugs is not None:
        services = services.filter(children_of(offices))
    services = list(services.order_by("path").prefetch_related("responsible_officers__contact"))
    keys = [page.translation_key for page in offices + services]
    translated_offices = {
        page.translation_key: page
        for page in visible_to_public(OfficePage.objects.filter(translation_key__in=keys))
        .exclude(locale=source)
        .prefetch_related("contacts")
    }
    translated_services = {
        page.translation_key: page
        for page in visible_to_public(ServicePage.objects.filter(translation_key__in=keys)).exclude(locale=source)
    }
    records_by_path = {}
    for office in offices:
        record = office_record(office, translated_offices.get(office.translation_key))
        record["services"] = []
        records_by_path[office.path] = record
    for service in services:
        parent = records_by_path.get(service.path[: -service.steplen])
        if parent is not None:
            parent["services"].append(service_record(service, translated_services.get(service.translation_key)))
    return list(records_by_path.values())
