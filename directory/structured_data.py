"""What search engines and link previews read: schema.org JSON-LD and Open Graph.

Office pages describe a ``GovernmentOrganization`` with a ``ContactPoint`` per
contact person, service pages a ``GovernmentService`` provided by its office.
Every value is built here and serialised with ``json.dumps``, escaped for a
``<script>`` element; templates only print the result:

    {% load structured_data %}
    {% block extra_head %}{% open_graph page %}{% structured_data page %}{% endblock %}

(The library is registered under that name in ``TEMPLATES["OPTIONS"]["libraries"]``.)
"""

import json

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core import phone
from melayani.templatetags.melayani_tags import meta_description

from .models import OfficePage, ServicePage, Weekday

SCHEMA_CONTEXT = "https://schema.org"
AREA_SERVED = {"@type": "AdministrativeArea", "name": "Kabupaten Banyuwangi"}
OPEN_GRAPH_LOCALES = {"id": "id_ID", "en": "en_US"}
SCHEMA_DAYS = {
    Weekday.MON: "Monday",
    Weekday.TUE: "Tuesday",
    Weekday.WED: "Wednesday",
    Weekday.THU: "Thursday",
    Weekday.FRI: "Friday",
    Weekday.SAT: "Saturday",
    Weekday.SUN: "Sunday",
}
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def international(number):
    """``0333-000-1129`` → ``+623330001129`` (schema.org asks for the international form)."""
    return phone.international(number)


def contact_point(contact, office_url):
    return _without_empty(
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


def opening_hours_specification(lines):
    days = [value for value, _label in Weekday.choices]
    specification = []
    for line in lines:
        first = days.index(line.first_day)
        last = days.index(line.last_day) if line.last_day else first
        specification.append(
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"https://schema.org/{SCHEMA_DAYS[day]}" for day in days[first : last + 1]],
                "opens": line.opens.strftime("%H:%M"),
                "closes": line.closes.strftime("%H:%M"),
            }
        )
    return specification


def office_reference(office, office_url):
    """The office as a service's provider: enough to recognise it, pointing to its own page."""
    return _without_empty(
        {
            "@type": "GovernmentOrganization",
            "@id": f"{office_url}#organization" if office_url else "",
            "name": office.title,
            "url": office_url,
            "telephone": international(office.phone),
        }
    )


def office_data(office, contacts, opening_hours=(), request=None):
    """``GovernmentOrganization`` for an office page, with a ``ContactPoint`` per contact, head first."""
    office_url = office.get_full_url(request) or ""
    geo = None
    if office.latitude is not None and office.longitude is not None:
        geo = {"@type": "GeoCoordinates", "latitude": float(office.latitude), "longitude": float(office.longitude)}
    address = None
    if office.address:
        address = {"@type": "PostalAddress", "streetAddress": office.address, "addressCountry": "ID"}
    return _without_empty(
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
            "openingHoursSpecification": opening_hours_specification(opening_hours),
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
    return _without_empty(
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


def json_ld_script(data):
    """``<script type="application/ld+json">`` with ``<``, ``>`` and ``&`` escaped, so no text can close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def open_graph_properties(page, description, request=None):
    """[(property, content), …] for a page shared in a chat or on social media."""
    language = page.locale.language_code
    properties = [
        ("og:type", "website"),
        ("og:site_name", _("Banyuwangi Melayani")),
        ("og:title", page.seo_title or page.title),
        ("og:description", description),
        ("og:url", page.get_full_url(request) or ""),
        ("og:locale", OPEN_GRAPH_LOCALES.get(language, language)),
    ]
    for translation in page.get_translations().live().select_related("locale"):
        code = translation.locale.language_code
        properties.append(("og:locale:alternate", OPEN_GRAPH_LOCALES.get(code, code)))
    return [(name, content) for name, content in properties if content]


register = template.Library()


@register.simple_tag(takes_context=True)
def open_graph(context, page):
    """``{% open_graph page %}``: the Open Graph ``<meta>`` tags of a Wagtail page."""
    properties = open_graph_properties(page, meta_description(page), context.get("request"))
    return format_html_join("\n", '<meta property="{}" content="{}">', properties)


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """``{% structured_data page %}``: JSON-LD of an office or service page, nothing for other pages.

    Uses the contacts, opening hours, office and officers the page's context already holds.
    """
    request = context.get("request")
    if isinstance(page, OfficePage):
        data = page.structured_data(
            request, contacts=context.get("contacts"), opening_hours=context.get("opening_hours")
        )
    elif isinstance(page, ServicePage):
        data = service_data(page, context.get("office"), context.get("officers", []), request)
    else:
        return ""
    return json_ld_script(data)
