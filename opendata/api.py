"""The HSDS 3.0 read-only API (Open Referral), mounted by the shell at ``/api/hsds/``.

Shapes follow the HSDS API reference (``schema/hsds-3.0/openapi.json``): ``/`` describes the
API, lists are ``Page`` objects with ``contents``, single records are fully nested.
"""

import math

from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from ninja import Query, Router

from . import mapping, params, queries
from .config import hsds_config
from .identifiers import organization_id
from .openapi import described

router = Router(tags=["HSDS 3.0 (Open Referral)"])

LANG = Query(None, description="Language of the texts: `id` (default) or `en`.")
SEARCH = Query(None, description="Words in the service's name, summary or keywords.")
PAGE = Query(None, description="Page number, from 1.")
PER_PAGE = Query(None, description="Records per page, 1 to 200 (default 50).")
ORGANIZATION = Query(None, description="Only the services of this organization (its HSDS id).")
MODIFIED_AFTER = Query(None, description="Only services published on or after this ISO 8601 date or date-time.")


def error(status, message):
    return JsonResponse({"error": message, "status": status}, status=status)


def answer(lang, build):
    """``build(locale)`` with texts in ``lang``; bad parameters become a JSON 400, unknown ids a JSON 404."""
    try:
        locale = params.locale(lang)
    except params.BadParameter as problem:
        return error(400, str(problem))
    with translation.override(locale.language_code):
        try:
            return build(locale)
        except params.BadParameter as problem:
            return error(400, str(problem))
        except queries.NotFound:
            return error(404, translation.gettext("No record with this id."))


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


@router.get("/", summary="About this API", operation_id="hsds_meta", openapi_extra=described("meta"))
def meta(request, lang: str = LANG):
    """The HSDS version and profile of this API and where its OpenAPI document is."""
    openapi = request.build_absolute_uri(reverse(f"{request.resolver_match.namespace}:openapi-json"))
    config = hsds_config()
    return answer(
        lang,
        lambda locale: {"version": config["hsds_version"], "profile": config["profile"], "openapi_url": openapi},
    )


@router.get(
    "/organizations/",
    summary="Organizations (offices)",
    operation_id="hsds_organizations",
    openapi_extra=described("compiled/organization_list.json", page=True),
)
def organizations(request, lang: str = LANG, page: str = PAGE, per_page: str = PER_PAGE):
    """The regency's offices, A–Z, in HSDS's ``organization_list`` shape."""
    return answer(lang, lambda locale: organization_page(locale, page, per_page))


def organization_page(locale, page, per_page):
    page_number, size = params.page_numbers(page, per_page)
    offices = queries.live_offices(locale).prefetch_related(None)
    records = [mapping.organization_summary(office) for office in sliced(offices, page_number, size)]
    return page_of(records, offices.count(), page_number, size)


@router.get(
    "/organizations/{id}",
    summary="One organization, fully nested",
    operation_id="hsds_organization",
    openapi_extra=described("compiled/organization_list.json", nested="organization.json", not_found=True),
)
def organization(request, id: str, lang: str = LANG):
    """An office with its phones, contact persons, building with opening hours, and services."""
    return answer(lang, lambda locale: organization_record(request, locale, id))


def organization_record(request, locale, id):
    office = queries.office(locale, params.record_id(id))
    services = queries.live_services(locale).child_of(office)
    return mapping.organization(office, services, locale.language_code, request)


@router.get(
    "/services/",
    summary="Services",
    operation_id="hsds_services",
    openapi_extra=described("compiled/service_list.json", page=True),
)
def services(
    request,
    lang: str = LANG,
    search: str = SEARCH,
    page: str = PAGE,
    per_page: str = PER_PAGE,
    organization_id: str = ORGANIZATION,
    modified_after: str = MODIFIED_AFTER,
):
    """Services A–Z in HSDS's ``service_list`` shape, each with its organization; filters combine."""
    filters = {"search": search, "organization_id": organization_id, "modified_after": modified_after}
    return answer(lang, lambda locale: services_page(request, locale, page, per_page, filters))


def services_page(request, locale, page, per_page, filters):
    page_number, size = params.page_numbers(page, per_page)
    since = params.moment(filters["modified_after"])
    wanted = filters["organization_id"]
    wanted = params.record_id(wanted, "organization_id") if wanted else None
    offices = queries.offices_by_path(locale)
    office = None
    if wanted is not None:
        office = next((each for each in offices.values() if organization_id(each) == str(wanted)), None)
        if office is None:
            return page_of([], 0, page_number, size)
    found = queries.filtered_services(locale, list(offices), params.text(filters["search"], "search"), office, since)
    records = [
        mapping.service_summary(service, offices[queries.parent_path(service)], request)
        for service in sliced(found, page_number, size)
    ]
    return page_of(records, found.count(), page_number, size)


@router.get(
    "/services/{id}",
    summary="One service, fully nested",
    operation_id="hsds_service",
    openapi_extra=described("compiled/service_list.json", nested="service.json", not_found=True),
)
def service(request, id: str, lang: str = LANG):
    """A service with its required documents, fees, officers and the places to apply with their hours."""
    return answer(lang, lambda locale: service_record(request, locale, id))


def service_record(request, locale, id):
    service_page, office, officers, district_offices = queries.service_with_context(locale, params.record_id(id))
    return mapping.service(service_page, office, officers, district_offices, locale.language_code, request)
