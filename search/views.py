"""The public search page."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    results, error = [], ""
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = list(pages.search(query, operator="or")[:30])
    elif "q" in request.GET:
        error = _("Type what you are looking for, for example “KTP hilang”.")
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": results, "error": error},
    )
