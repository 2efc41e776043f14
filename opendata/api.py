"""The HSDS 3.0 read-only API (Open Referral), mounted by the shell at ``/api/hsds/``.

Shapes follow the HSDS API reference (``schema/hsds-3.0/openapi.json``): ``/`` describes the
API, lists are ``Page`` objects with ``contents``, single records are fully nested.
"""

import math

from django.urls import reverse
from django.utils import translation
from ninja import Path, Router

from core.api import error_response, requested_locale

from . import mapping, params, queries
from .config import hsds_config
from .identifiers import organization_id
from .openapi import described

router = Router(tags=["HSDS 3.0 (Open Referral)"])
# Documented with its format in ``openapi.py``; a bad id gets our 400, not ninja's 422.
RECORD_ID = Path(..., include_in_schema=False)
# The parameters of each endpoint; those of HSDS's API reference not listed get a 400.
META = ["lang"]
LIST = ["lang", "page", "per_page"]
RECORD = ["id", "lang"]
SERVICE_FILTERS = ["lang", "search", "page", "per_page", "organization_id", "modified_after"]


def answer(request, accepted, build):
    """``build(locale, query)`` with texts in ``lang``; bad parameters become a JSON 400, unknown ids a JSON 404.

    The parameters are read as text, here and by ``RECORD_ID``, so that a bad one gets this 400
    and its message rather than ninja's 422; ``openapi.py`` documents their types. ``lang`` is
    checked as on every endpoint of the site's API.
    """
    # As everywhere in the site's API, a parameter sent empty (``?lang=``) counts as absent.
    query = {name: value for name, value in request.GET.items() if value != ""}
    locale = requested_locale(query.get("lang"))
    with translation.override(locale.language_code):
        try:
            params.refuse_unsupported(query, accepted)
            return build(locale, query)
        except params.BadParameter as problem:
            return error_response(request, 400, str(problem))
        except queries.NotFound:
            return error_response(request, 404, "No record with this id.")


def page_of(records, total, page_number, per_page):
    """HSDS's ``Page``: counts and flags around ``contents``, the records of the requested page."""
    total_pages = math.ceil(total / per_page)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(records),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not records,
        "contents": records,
    }


def sliced(queryset, page_number, per_page):
    start = (page_number - 1) * per_page
    return list(queryset[start : start + per_page])


@router.get("/", summary="About this API", operation_id="hsds_meta", openapi_extra=described("meta", META))
def meta(request):
    """The HSDS version and profile of this API and where its OpenAPI document is."""
    openapi = request.build_absolute_uri(reverse(f"{request.resolver_match.namespace}:openapi-json"))
    config = hsds_config()
    return answer(
        request,
        META,
        lambda locale, _query: {
            "version": config["hsds_version"],
            "profile": config["profile"],
            "openapi_url": openapi,
        },
    )


@router.get(
    "/organizations/",
    summary="Organizations (offices)",
    operation_id="hsds_organizations",
    openapi_extra=described("compiled/organization_list.json", LIST, page=True),
)
def organizations(request):
    """The regency's offices, A–Z, in HSDS's ``organization_list`` shape."""
    return answer(request, LIST, organization_page)


def organization_page(locale, query):
    page_number, size = params.page_numbers(query.get("page"), query.get("per_page"))
    offices = queries.live_offices(locale).prefetch_related(None)
    records = [mapping.organization_summary(office) for office in sliced(offices, page_number, size)]
    return page_of(records, offices.count(), page_number, size)


@router.get(
    "/organizations/{id}",
    summary="One organization, fully nested",
    operation_id="hsds_organization",
    openapi_extra=described("compiled/organization_list.json", RECORD, nested="organization.json", not_found=True),
)
def organization(request, id: str = RECORD_ID):
    """An office with its phones, contact persons, building with opening hours, and services."""
    return answer(request, RECORD, lambda locale, _query: organization_record(request, locale, id))


def organization_record(request, locale, id):
    office = queries.office(locale, params.record_id(id))
    services = queries.live_services(locale).child_of(office)
    return mapping.organization(office, services, locale.language_code, request)


@router.get(
    "/services/",
    summary="Services",
    operation_id="hsds_services",
    openapi_extra=described("compiled/service_list.json", SERVICE_FILTERS, page=True),
)
def services(request):
    """Services A–Z in HSDS's ``service_list`` shape, each with its organization; filters combine."""
    return answer(request, SERVICE_FILTERS, lambda locale, query: services_page(request, locale, query))


def services_page(request, locale, query):
    page_number, size = params.page_numbers(query.get("page"), query.get("per_page"))
    since = params.moment(query.get("modified_after"))
    search = params.text(query.get("search"), "search")
    wanted = query.get("organization_id")
    wanted = None if wanted is None else params.record_id(wanted, "organization_id")
    offices = queries.offices_by_path(locale)
    office = None
    if wanted is not None:
        office = next((each for each in offices.values() if organization_id(each) == str(wanted)), None)
        if office is None:
            return page_of([], 0, page_number, size)
    found = queries.filtered_services(locale, offices, search, office, since)
    records = [
        mapping.service_summary(service, offices[queries.parent_path(service)], request)
        for service in sliced(found, page_number, size)
    ]
    return page_of(records, found.count(), page_number, size)


@router.get(
    "/services/{id}",
    summary="One service, fully nested",
    operation_id="hsds_service",
    openapi_extra=described("compiled/service_list.json", RECORD, nested="service.json", not_found=True),
)
def service(request, id: str = RECORD_ID):
    """A service with its required documents, fees, officers and the places to apply with their hours."""
    return answer(request, RECORD, lambda locale, _query: service_record(request, locale, id))


def service_record(request, locale, id):
    found = queries.service_with_context(locale, params.record_id(id))
    service_page, office, officers, district_offices = found
    return mapping.service(service_page, office, officers, district_offices, locale.language_code, request)
