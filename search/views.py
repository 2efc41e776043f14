"""The public search page (its JSON API is in ``search/api.py``)."""

from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import query_log, service

LANGUAGES = ("id", "en")
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
        query_log.count_after_response(query, language_code, len(outcome.hits))
    elif "q" in request.GET:
        error = _("Type what you are looking for, for example “KTP hilang”.")
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "outcome": outcome, "search_results": outcome.hits, "error": error},
    )
