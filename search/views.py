"""The public search page, the redirect that records an opened result, and the "did you find it?" answer.

The JSON API is in ``search/api.py``.
"""

from urllib.parse import urlencode

from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import follow_ups, query_log, site_search
from .next_steps import next_steps, results_of

LANGUAGES = ("id", "en")
PAGE_RESULTS = 20
ANSWERS = {"yes": True, "no": False}


@require_GET
def search_page(request):
    raw_query = request.GET.get("q", "")
    query = site_search.clean_query(raw_query)
    language_code = get_language() if get_language() in LANGUAGES else "id"
    outcome = site_search.SearchOutcome(query=query)
    answered = request.GET.get("answered", "") if request.GET.get("answered") in ANSWERS else ""
    context = {"search_query": query, "outcome": outcome, "search_results": [], "error": "", "answered": answered}
    if query:
        context["outcome"] = outcome = site_search.search(query, language_code, limit=PAGE_RESULTS, request=request)
        if not answered:  # the page after an answer shows the same search again: not a new one
            query_log.count_after_response(query, language_code, len(outcome.hits), on_results_page=True)
        context.update(_answer_context(query, language_code, outcome, answered))
    elif "q" in request.GET:
        context["error"] = _("Type what you are looking for, for example “KTP hilang”.")
    return TemplateResponse(request, "search/search.html", context)


def _answer_context(query, language_code, outcome, answered):
    """The results with their recording links, the answer form, and next steps when the answer is weak."""
    reference = follow_ups.new_reference()
    for position, hit in enumerate(outcome.hits, start=1):
        hit.open_url = follow_ups.open_url(hit, position, query, language_code, reference)
    unsure = not outcome.confident or answered == "no"
    shown = outcome.hits or outcome.closest_offices
    return {
        "search_results": outcome.hits,
        "unsure": unsure,
        "answer_token": follow_ups.answer_token(query, language_code, reference),
        "next_steps": next_steps(query, results_of(shown), language_code) if unsure else {},
    }


@require_GET
def open_result(request):
    """Record which result was opened, then go there: only to an address of this site that search signed."""
    payload = follow_ups.read_open(request.GET)
    target = (payload or {}).get("to", "")
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    if payload is None or not target or not allowed:
        return HttpResponseBadRequest(_("This link does not lead to a page of this site."), content_type="text/plain")
    follow_ups.record_open(payload)
    return HttpResponseRedirect(target)


@require_POST
def answer(request):
    """Keep the citizen's yes or no, then show the results again with a thank-you (and next steps after a no)."""
    payload = follow_ups.read_answer(request.POST.get("follow_up"))
    found = request.POST.get("found", "")
    if payload is None or found not in ANSWERS:
        message = _("This answer could not be read. Please search again.")
        return HttpResponseBadRequest(message, content_type="text/plain")
    follow_ups.record_answer(payload, ANSWERS[found])
    query = site_search.clean_query(request.POST.get("q", ""))
    return HttpResponseRedirect(f"{reverse('search')}?{urlencode({'q': query, 'answered': found})}")
