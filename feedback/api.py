"""``/api/ikm/…``: survey results as JSON, beside the directory API and with its conventions (JSON 400/404)."""

from django.urls import path, re_path

from directory.api import ApiError, absolute_url, api_view, not_found
from directory.models import OfficePage, ServicePage
from melayani.jsonresponse import SafeJsonResponse as JsonResponse

from . import ikm, periods, results


def _period(request):
    try:
        return periods.parse_period(request.GET.get("period", ""))
    except ValueError:
        raise ApiError(400, "Unknown period; use YYYY, YYYY-S1, YYYY-S2 or YYYY-Q1 … YYYY-Q4.") from None


def _source(model, slug, kind):
    page = results.source_page(model, slug)
    if page is None:
        raise ApiError(404, f"No {kind} with identifier '{slug}'.")
    return page


def result_data(result, period):
    category = result.category
    return {
        "responses": result.responses,
        "ikm": result.ikm,
        "category": category.letter if category else None,
        "category_label": str(category.label) if category else None,
        "elements": {
            element.field: {
                "code": element.code,
                "label": str(element.label),
                "unit_value": None
                if result.unit_values[element.field] is None
                else round(result.unit_values[element.field], 3),
                "answers": result.answers[element.field],
            }
            for element in ikm.ELEMENTS
        },
        "period": period.as_json(),
    }


def _page_data(request, page, locale):
    shown = results.localized(page, locale.language_code)
    return {"slug": page.stable_slug, "name": shown.title, "url": absolute_url(request, shown)}


@api_view
def service_ikm(request, locale, slug):
    service = _source(ServicePage, slug, "service")
    period = _period(request)
    result = results.summarize(results.in_period(results.of_service(service), period))
    return JsonResponse({"service": _page_data(request, service, locale), **result_data(result, period)})


@api_view
def office_ikm(request, locale, slug):
    office = _source(OfficePage, slug, "office")
    period = _period(request)
    result = results.summarize(results.in_period(results.of_office(office), period))
    return JsonResponse({"office": _page_data(request, office, locale), **result_data(result, period)})


urlpatterns = [
    path("services/<str:slug>/", service_ikm, name="api-ikm-service"),
    path("offices/<str:slug>/", office_ikm, name="api-ikm-office"),
    re_path(r"^.*$", not_found),
]
