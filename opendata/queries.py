"""The live pages an HSDS answer needs, fetched in a fixed number of queries whatever the page size."""

import functools
import operator

from django.db.models import Q
from wagtail.models import Page

from directory.models import OfficePage, ServicePage

from .identifiers import ORGANIZATION, SERVICE, hsds_id
from .mapping import offers_at_district_offices


class NotFound(Exception):
    """No live record with that HSDS id in the requested language."""


def parent_path(page):
    return page.path[: -Page.steplen]


def live_offices(locale):
    return (
        OfficePage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("locale")
        .prefetch_related("contacts", "opening_hours")
        .order_by("title", "pk")
    )


def live_services(locale):
    return ServicePage.objects.live().public().filter(locale=locale).order_by("title", "pk")


def offices_by_path(locale):
    return {office.path: office for office in live_offices(locale)}


def by_hsds_id(queryset, kind, record_id):
    """The page whose derived HSDS id is ``record_id``; ids are derived, so the slugs are read and hashed."""
    for pk, stable_slug in queryset.values_list("pk", "stable_slug"):
        if hsds_id(kind, stable_slug) == str(record_id):
            return queryset.get(pk=pk)
    raise NotFound(record_id)


def office(locale, record_id):
    return by_hsds_id(live_offices(locale), ORGANIZATION, record_id)


def filtered_services(locale, office_paths, search="", organization=None, modified_after=None):
    """Live services of live offices (``office_paths``) matching every given filter (HSDS filters are cumulative)."""
    if not office_paths:
        return live_services(locale).none()
    services = live_services(locale).filter(
        functools.reduce(operator.or_, (Q(path__startswith=path) for path in office_paths))
    )
    if search:
        services = services.filter(
            Q(title__icontains=search)
            | Q(summary__icontains=search)
            | Q(keywords__icontains=search)
            | Q(stable_slug__icontains=search)
        )
    if organization is not None:
        services = services.descendant_of(organization)
    if modified_after is not None:
        services = services.filter(last_published_at__gte=modified_after)
    return services


def service_with_context(locale, record_id):
    """A service with its office, its officers in the service's language and the district offices."""
    service = by_hsds_id(live_services(locale).prefetch_related("responsible_officers__contact"), SERVICE, record_id)
    offices = offices_by_path(locale)
    office_page = offices.get(parent_path(service))
    if office_page is None:
        raise NotFound(record_id)
    district_offices = []
    if offers_at_district_offices(service, office_page):
        district_offices = [page for page in offices.values() if page.kind == "kecamatan"]
    return service, office_page, officers(service, office_page), district_offices


def officers(service, office_page):
    """Responsible contacts as the office's contacts in the service's language (wagtail-localize#710)."""
    localized = {person.translation_key: person for person in office_page.contacts.all()}
    return [localized.get(link.contact.translation_key, link.contact) for link in service.responsible_officers.all()]
