"""The live pages an HSDS answer needs, fetched in a fixed number of queries whatever the page size."""

import functools
import operator

from django.db.models import Q
from wagtail.models import Page

from core.privacy import visible_to_public
from directory.models import OfficePage, ServicePage
from directory.models.schedule import HOURS_RELATIONS

from .identifiers import ORGANIZATION, SERVICE, hsds_id
from .mapping import offers_at_district_offices

# {kind: {HSDS id: stable identifier}}, built once per process and rebuilt when an id is not in it
# (a page published since); ids are derived from stable identifiers, which never change meaning.
_STABLE_SLUGS = {}


class NotFound(Exception):
    """No live record with that HSDS id in the requested language."""


def parent_path(page):
    return page.path[: -Page.steplen]


def live_offices(locale):
    return (
        visible_to_public(OfficePage.objects.filter(locale=locale))
        .select_related("locale")
        .prefetch_related("contacts", *HOURS_RELATIONS)
        .order_by("title", "pk")
    )


def live_services(locale):
    return visible_to_public(ServicePage.objects.filter(locale=locale)).order_by("title", "pk")


def offices_by_path(locale):
    return {office.path: office for office in live_offices(locale)}


def stable_slug(model, kind, record_id):
    """The stable identifier whose HSDS id is ``record_id``, or None."""
    record_id = str(record_id)
    known = _STABLE_SLUGS.get(kind, {})
    if record_id not in known:
        slugs = model.objects.values_list("stable_slug", flat=True).distinct()
        known = _STABLE_SLUGS[kind] = {hsds_id(kind, slug): slug for slug in slugs}
    return known.get(record_id)


def by_hsds_id(queryset, kind, record_id):
    """The page of ``queryset`` whose derived HSDS id is ``record_id``."""
    slug = stable_slug(queryset.model, kind, record_id)
    page = queryset.filter(stable_slug=slug).first() if slug else None
    if page is None:
        raise NotFound(record_id)
    return page


def office(locale, record_id):
    return by_hsds_id(live_offices(locale), ORGANIZATION, record_id)


def under(paths):
    return functools.reduce(operator.or_, (Q(path__startswith=path) for path in paths))


def filtered_services(locale, offices, search="", organization=None, modified_after=None):
    """Live services of the live ``offices`` ({path: office}) matching every given filter (HSDS filters combine).

    ``modified_after`` compares what a service record shows: the service's publication and its
    office's, whose contacts, phones and hours the record nests.
    """
    if not offices:
        return live_services(locale).none()
    services = live_services(locale).filter(under(offices))
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
        changed = Q(last_published_at__gte=modified_after)
        offices_changed = [
            path
            for path, office_page in offices.items()
            if office_page.last_published_at and office_page.last_published_at >= modified_after
        ]
        services = services.filter(changed | under(offices_changed) if offices_changed else changed)
    return services


def service_with_context(locale, record_id):
    """A service with its office, its officers in its language and, where it is offered, the district offices."""
    service = by_hsds_id(live_services(locale), SERVICE, record_id)
    office_page = live_offices(locale).filter(path=parent_path(service)).first()
    if office_page is None:
        raise NotFound(record_id)
    district_offices = []
    if offers_at_district_offices(service, office_page):
        district_offices = list(live_offices(locale).filter(kind="kecamatan"))
    return service, office_page, service.officers(), district_offices
