"""Our directory as HSDS 3.0 records: one small function per HSDS entity.

The functions take pages and children already fetched (``queries.py``) and query nothing.
Records leave out empty optional fields; children carry their parent's id, so the
tabular export can flatten them without looking anything up.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils.translation import gettext as _

from core.api import absolute_url
from core.phone import international
from directory.models import Weekday
from directory.models.schedule import published_periods

from .config import hsds_config
from .identifiers import contact_id, hsds_id, location_id, organization_id, service_id

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def compact(record, *required):
    """The record without empty optional values (HSDS formats such as ``email`` reject '')."""
    return {key: value for key, value in record.items() if key in required or value not in (None, "", [])}


def phone(parent_field, parent_id, number, role, phone_type="voice", description=""):
    """A number in E.164 (``0333-000-1129`` → ``+623330001129``); short service numbers stay as dialled."""
    if not international(number):
        return None
    return compact(
        {
            "id": hsds_id(parent_id, "phone", role),
            parent_field: parent_id,
            "number": international(number),
            "type": phone_type,
            "description": description,
        }
    )


def phones(parent_field, parent_id, *entries):
    return [record for record in (phone(parent_field, parent_id, *entry) for entry in entries) if record]


def contact(person, parent_field, parent_id, owner_id=None):
    """A contact person with a work phone and, when it is another number, a WhatsApp number (type ``text``)."""
    record_id = contact_id(person, owner_id)
    entries = [(person.phone, "work")]
    if person.whatsapp and international(person.whatsapp) != international(person.phone):
        entries.append((person.whatsapp, "whatsapp", "text", "WhatsApp"))
    return compact(
        {
            "id": record_id,
            parent_field: parent_id,
            "name": person.name,
            "title": person.position,
            "department": person.field_of_work,
            "email": person.email,
            "phones": phones("contact_id", record_id, *entries),
        }
    )


def utc_offset():
    """The regency's offset from UTC (WIB, +7 for Asia/Jakarta): HSDS times carry their zone."""
    hours = datetime.datetime.now(zoneinfo.ZoneInfo(settings.TIME_ZONE)).utcoffset().total_seconds() / 3600
    return int(hours) if hours.is_integer() else hours


def clock(value):
    hours = utc_offset()
    sign = "+" if hours >= 0 else "-"
    whole = abs(int(hours))
    minutes = int(abs(hours) * 60) % 60
    return f"{value:%H:%M}{sign}{whole:02d}:{minutes:02d}"


def byday(days):
    """Weekday numbers as iCal days: ``(0, 1, 2, 3)`` → ``MO,TU,WE,TH``; ``Fri-Mon`` is ``FR,SA,SU,MO``."""
    return ",".join(WEEKDAYS[day][:2].upper() for day in days)


def days_label(days):
    first, last = Weekday(WEEKDAYS[days[0]]).label, Weekday(WEEKDAYS[days[-1]]).label
    return first if len(days) == 1 else f"{first}–{last}"


def schedule_description(period, opens, closes):
    """``Monday–Thursday 07:30–15:30``; a dated period starts with its dates, a closure says so."""
    dates = ""
    if period.dated:
        dates = period.first_date.isoformat()
        dates += f"/{period.until.isoformat()}: " if period.until != period.first_date else ": "
    hours = f"{opens:%H:%M}–{closes:%H:%M}" if opens else _("closed")
    reason = f" ({period.description})" if period.description else ""
    return f"{dates}{days_label(period.days)} {hours}{reason}"


def schedule(period, location, opens=None, closes=None):
    """One opening interval of a period as a weekly iCal rule, valid between its dates when it has them."""
    code = "-".join(dict.fromkeys((WEEKDAYS[period.days[0]], WEEKDAYS[period.days[-1]])))
    key = [code, f"{opens:%H%M}" if opens else "closed"]
    if period.dated:
        key.append(period.first_date.isoformat())
    return compact(
        {
            "id": hsds_id(location, "schedule", *key),
            "location_id": location,
            "valid_from": period.first_date.isoformat() if period.dated else None,
            "valid_to": period.until.isoformat() if period.dated else None,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": byday(period.days),
            "opens_at": clock(opens) if opens else None,
            "closes_at": clock(closes) if closes else None,
            "timezone": utc_offset(),
            "description": schedule_description(period, opens, closes),
        }
    )


def schedules(office, location):
    """The office's published hours: a schedule per opening interval (a break makes two); closures have no hours."""
    records = []
    for period in published_periods(office):
        intervals = period.intervals() or [(None, None)]
        records += [schedule(period, location, opens, closes) for opens, closes in intervals]
    return records


def address(office, language):
    defaults = hsds_config()["address"]
    record_location = location_id(office)
    return {
        "id": hsds_id(record_location, "address"),
        "location_id": record_location,
        "address_1": office.address,
        "city": defaults["city"],
        "state_province": defaults["state_province"].get(language, defaults["state_province"]["id"]),
        "postal_code": office.postal_code,
        "country": defaults["country"],
        "address_type": "physical",
    }


def location(office, language):
    """The office building: its address, coordinates and opening hours."""
    record_id = location_id(office)
    return compact(
        {
            "id": record_id,
            "location_type": "physical",
            "organization_id": organization_id(office),
            "name": office.title,
            "latitude": float(office.latitude) if office.latitude is not None else None,
            "longitude": float(office.longitude) if office.longitude is not None else None,
            "addresses": [address(office, language)] if office.address else [],
            "schedules": schedules(office, record_id),
        }
    )


def organization_summary(office):
    """The ``organization_list`` shape: the office's own fields, no children."""
    return compact(
        {
            "id": organization_id(office),
            "name": office.title,
            "alternate_name": office.acronym,
            "description": office.summary,
            "email": office.email,
            "website": office.website,
        },
        "description",
    )


def organization(office, services, language, request=None):
    """A fully nested organization: phones, contacts from the head down, its building, its services."""
    record_id = organization_id(office)
    contacts = sorted(office.contacts.all(), key=lambda person: person.rank_key(person))
    return compact(
        organization_summary(office)
        | {
            "phones": phones("organization_id", record_id, (office.phone, "office")),
            "contacts": [contact(person, "organization_id", record_id) for person in contacts],
            "locations": [location(office, language)],
            "services": [service_summary(service, office, request, nested_organization=False) for service in services],
        },
        "description",
    )


def is_free(cost):
    """Free without a condition: the whole fee text is one of the publisher's phrases for free of charge.

    ``Gratis (tidak dipungut biaya)`` is; ``Gratis bagi peserta JKN aktif; pasien umum sesuai tarif``
    and ``Gratis; meterai disediakan pemohon`` are not: their clauses stay in ``fees_description``.
    """
    said = " ".join(cost.split()).rstrip(".").casefold()
    return said in hsds_config()["free_of_charge"]


def cost_options(service, record_id):
    """A structured fee only where it is certain: free without a condition costs 0 rupiah; the text says the rest."""
    if not service.cost or not is_free(service.cost):
        return []
    return [
        {
            "id": hsds_id(record_id, "cost_option"),
            "service_id": record_id,
            "option": service.cost,
            "currency": hsds_config()["currency"],
            "amount": 0,
        }
    ]


def numbered(stream):
    return "\n".join(f"{position}. {block.value}" for position, block in enumerate(stream, start=1))


def last_modified(service, office):
    """The later publication of the service and of its office, whose contacts, phones and hours it nests."""
    moments = [moment for moment in (service.last_published_at, office.last_published_at) if moment]
    return max(moments).isoformat() if moments else None


def service_summary(service, office, request=None, nested_organization=True):
    """The ``service_list`` shape: the service's own fields and, in lists, its organization."""
    record = compact(
        {
            "id": service_id(service),
            "organization_id": organization_id(office),
            "name": service.title,
            "description": service.summary,
            "url": absolute_url(request, service),
            "status": "active",
            "application_process": numbered(service.procedure),
            "fees_description": service.cost,
            "wait_time": service.duration,
            "last_modified": last_modified(service, office),
        }
    )
    if nested_organization:
        record["organization"] = organization_summary(office)
    return record


def offers_at_district_offices(service, office):
    """Regency services citizens may also apply for at any district office (the kecamatan one-stop counter)."""
    if office.kind == "kecamatan":
        return False
    channels = {str(block.value).strip().casefold() for block in service.channels}
    return bool(channels & set(hsds_config()["one_stop_channels"]))


def service_at_location(record_id, office, language, description=""):
    place = location(office, language)
    return compact(
        {
            "id": hsds_id(record_id, "at", place["id"]),
            "service_id": record_id,
            "location_id": place["id"],
            "description": description,
            "location": place,
        }
    )


def service(service_page, office, officers, district_offices, language, request=None):
    """A fully nested service: documents, fees, officers, and every place to apply with its hours."""
    record_id = service_id(service_page)
    places = [service_at_location(record_id, office, language)]
    if offers_at_district_offices(service_page, office):
        places += [service_at_location(record_id, district, language) for district in district_offices]
    documents = [
        {"id": hsds_id(record_id, "required_document", position), "service_id": record_id, "document": str(block.value)}
        for position, block in enumerate(service_page.requirements, start=1)
    ]
    return compact(
        service_summary(service_page, office, request)
        | {
            "required_documents": documents,
            "cost_options": cost_options(service_page, record_id),
            "contacts": [contact(person, "service_id", record_id, owner_id=record_id) for person in officers],
            "service_at_locations": places,
        }
    )
