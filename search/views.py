"""The public search page and the search JSON API."""

from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from melayani.jsonresponse import SafeJsonResponse as JsonResponse

from . import service
from .models import SearchQueryLog

LANGUAGES = ("id", "en")
DEFAULT_LIMIT, MAX_LIMIT = 10, 50
PAGE_RESULTS = 20


@require_GET
def search_page(request):
    raw_query = request.GET.get("q", "")
    query = service.clean_query(raw_query)
    language_code = get_language() if get_language() in LANGUAGES else "id"
    outcome = service.SearchOutcome(query=query)
    error = ""
    if query:
        outcome = service.search(query, language_code, limit=PAGE_RESULTS, request=request)
        SearchQueryLog.record(query, language_code, len(outcome.hits))
    elif "q" in request.GET:
        error = _("Type what you are looking for, for example “KTP hilang”.")
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "outcome": outcome, "search_results": outcome.hits, "error": error},
    )


class BadRequest(Exception):
    pass


def _language(request):
    language_code = request.GET.get("lang", "id") or "id"
    if language_code not in LANGUAGES:
        raise BadRequest("lang must be one of: id, en.")
    return language_code


def _types(request):
    raw = request.GET.get("type", "")
    if not raw:
        return None
    types = [item.strip() for item in raw.split(",") if item.strip()]
    unknown = [item for item in types if item not in service.RESULT_TYPES]
    if unknown or not types:
        raise BadRequest(f"type must be one or more of: {', '.join(service.RESULT_TYPES)} (comma-separated).")
    return types


def _limit(request):
    raw = request.GET.get("limit", str(DEFAULT_LIMIT))
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadRequest(f"limit must be a whole number from 1 to {MAX_LIMIT}.")
    return int(raw)


def _query(request):
    query = service.clean_query(request.GET.get("q", ""))
    if not query:
        raise BadRequest("q is required: the words to search for.")
    return query


def _bad_request(error):
    return JsonResponse({"error": str(error), "status": 400}, status=400)


def hit_json(hit):
    data = {
        "type": hit.type,
        "id": hit.id,
        "title": hit.title,
        "office": hit.office,
        "url": hit.url,
        "snippet": hit.snippet,
        "promoted": hit.promoted,
    }
    if hit.contact is not None:
        data.update(
            {
                "position": hit.contact.position,
                "level": hit.contact.level,
                "office_name": hit.office_page.title,
                "phone": hit.contact.phone,
                "whatsapp": hit.contact.whatsapp,
                "links": {"tel": hit.contact.phone_href, "whatsapp": hit.contact.whatsapp_href},
            }
        )
    return data


@require_GET
def search_api(request):
    try:
        language_code, types, limit, query = _language(request), _types(request), _limit(request), _query(request)
    except BadRequest as error:
        return _bad_request(error)
    outcome = service.search(query, language_code, types=types, limit=limit, request=request)
    SearchQueryLog.record(query, language_code, len(outcome.hits))
    for hit in outcome.hits:
        hit.url = request.build_absolute_uri(hit.url) if hit.url else hit.url
    data = {"query": query, "lang": language_code, "results": [hit_json(hit) for hit in outcome.hits]}
    if not outcome.hits:
        data["suggestion"] = outcome.suggestion
        data["closest_offices"] = [hit_json(hit) for hit in outcome.closest_offices]
    return JsonResponse(data)


@require_GET
def suggest_api(request):
    try:
        language_code, query = _language(request), _query(request)
    except BadRequest as error:
        return _bad_request(error)
    return JsonResponse({"query": query, "lang": language_code, "suggestions": service.suggest(query)})
