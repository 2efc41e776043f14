"""schema.org JSON-LD of the directory: an office's ``GovernmentOrganization``, a service's ``GovernmentService``.

Office pages describe a ``GovernmentOrganization`` with a ``ContactPoint`` per
contact person, service pages a ``GovernmentService`` provided by its office.
The pages hand these dictionaries to core's ``{% structured_data %}`` tag
through their ``schema_org`` method.
"""

import datetime

from django.utils.translation import gettext as _

from core import phone
from core.seo import SCHEMA_CONTEXT, without_empty

AREA_SERVED = {"@type": "AdministrativeArea", "name": "Kabupaten Banyuwangi"}
# schema.org's days by weekday number, Monday first (``core.hours``).
SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def international(number):
    """``0333-000-1129`` → ``+623330001129`` (schema.org asks for the international form)."""
    return phone.international(number)


def contact_point(contact, office_url):
    return without_empty(
        {
            "@type": "ContactPoint",
            "name": contact.name,
            "contactType": contact.position,
            "telephone": international(contact.phone or contact.whatsapp),
            "email": contact.email,
            "url": f"{office_url}#contact-{contact.key}" if office_url else "",
            "areaServed": AREA_SERVED,
        }
    )


def opening_hours_specification(periods):
    """An ``OpeningHoursSpecification`` per opening interval; a dated closure opens and closes at 00:00."""
    specification = []
    for period in periods:
        intervals = period.intervals() or [(datetime.time(0), datetime.time(0))]
        for opens, closes in intervals:
            specification.append(
                without_empty(
                    {
                        "@type": "OpeningHoursSpecification",
                        "dayOfWeek": [f"https://schema.org/{SCHEMA_DAYS[day]}" for day in period.days],
                        "opens": f"{opens:%H:%M}",
                        "closes": f"{closes:%H:%M}",
                        "validFrom": period.first_date.isoformat() if period.dated else "",
                        "validThrough": period.until.isoformat() if period.dated else "",
                        "description": period.description,
                    }
                )
            )
    return specification


def office_reference(office, office_url):
    """The office as a service's provider: enough to recognise it, pointing to its own page."""
    return without_empty(
        {
            "@type": "GovernmentOrganization",
            "@id": f"{office_url}#organization" if office_url else "",
            "name": office.title,
            "url": office_url,
            "telephone": international(office.phone),
        }
    )


def office_data(office, contacts, periods=(), request=None):
    """``GovernmentOrganization`` for an office page, with a ``ContactPoint`` per contact, head first."""
    office_url = office.get_full_url(request) or ""
    geo = None
    if office.latitude is not None and office.longitude is not None:
        geo = {"@type": "GeoCoordinates", "latitude": float(office.latitude), "longitude": float(office.longitude)}
    address = None
    if office.address:
        address = {"@type": "PostalAddress", "streetAddress": office.address, "addressCountry": "ID"}
    return without_empty(
        {
            "@context": SCHEMA_CONTEXT,
            **office_reference(office, office_url),
            "alternateName": [name for name in [office.acronym, *office.other_name_list] if name],
            "description": office.summary,
            "email": office.email,
            "sameAs": office.website,
            "address": address,
            "geo": geo,
            "areaServed": AREA_SERVED,
            "parentOrganization": {"@type": "GovernmentOrganization", "name": _("Banyuwangi Regency Government")},
            "openingHoursSpecification": opening_hours_specification(periods),
            "contactPoint": [contact_point(contact, office_url) for contact in contacts],
        }
    )


def service_data(service, office, officers, request=None):
    """``GovernmentService`` for a service page, provided by its office, reached through its officers."""
    office_url = (office.get_full_url(request) or "") if office is not None else ""
    channels = [
        {"@type": "ServiceChannel", "name": contact.name, "servicePhone": contact_point(contact, office_url)}
        for contact in officers
        if contact.phone or contact.whatsapp
    ]
    return without_empty(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "GovernmentService",
            "name": service.title,
            "description": service.summary,
            "url": service.get_full_url(request),
            "provider": office_reference(office, office_url) if office is not None else None,
            "areaServed": AREA_SERVED,
            "availableChannel": channels,
        }
    )
