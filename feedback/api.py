"""``/api/ikm/…``: survey results (IKM) as JSON, with the directory API's conventions."""

import datetime
from typing import Annotated

from django.utils.translation import override
from ninja import Query, Router, Schema
from pydantic import Field

from core.api import ERROR_RESPONSES, ApiError, Language, absolute_url, requested_locale, unstorable
from directory.models import OfficePage, ServicePage

from . import ikm, periods, results

router = Router(tags=["ikm"])

PeriodKey = Annotated[str, Query("", description="YYYY, YYYY-S1, YYYY-S2 or YYYY-Q1 … YYYY-Q4; this year when empty.")]


class SourcePage(Schema):
    slug: str = Field(description="Stable identifier of the service or office.")
    name: str
    url: str | None


UNPUBLISHED = "null without responses, and while responses < minimum_responses (not yet published)."


class Element(Schema):
    code: str
    label: str
    unit_value: float | None = Field(description=f"Mean answer, 1 to 4; {UNPUBLISHED}")
    answers: int = Field(description="How many responses answered this element (counted even before publication).")


class Period(Schema):
    key: str
    label: str
    start: datetime.date
    end: datetime.date = Field(description="Inclusive.")


class IkmResult(Schema):
    responses: int = Field(description="Accepted responses in the period; responses held for review are not counted.")
    minimum_responses: int = Field(
        description="The period's minimum sample (Permenpan RB 14/2017, Krejcie–Morgan table, from the number "
        "of service users); the index is published once responses reach it."
    )
    ikm: float | None = Field(description=f"Survey index, 25 to 100; {UNPUBLISHED}")
    category: str | None = Field(description=f"A, B, C or D; {UNPUBLISHED}")
    category_label: str | None = Field(description=f"The category's name; {UNPUBLISHED}")
    elements: dict[str, Element] = Field(description="The nine elements of the regulation, by field.")
    period: Period


class ServiceIkm(IkmResult):
    service: SourcePage


class OfficeIkm(IkmResult):
    office: SourcePage


def _period(value):
    try:
        return periods.parse_period(value)
    except ValueError:
        raise ApiError(400, "Unknown period; use YYYY, YYYY-S1, YYYY-S2 or YYYY-Q1 … YYYY-Q4.") from None


def _source(model, slug, kind):
    page = None if unstorable(slug) else results.source_page(model, slug)
    if page is None:
        raise ApiError(404, f"No {kind} with identifier '{slug}'.")
    return page


def result_data(result, period):
    """The JSON of a result as the public sees it: no figures before the minimum sample."""
    result = result.public()
    category = result.category
    return {
        "responses": result.responses,
        "minimum_responses": result.minimum_responses,
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


@router.get("/services/{slug}/", response={200: ServiceIkm, **ERROR_RESPONSES}, url_name="api-ikm-service")
def service_ikm(request, slug: str, lang: Language = "id", period: PeriodKey = ""):
    """The survey index of one service over a period."""
    locale = requested_locale(lang)
    service = _source(ServicePage, slug, "service")
    with override(locale.language_code):
        chosen = _period(period)
        result = results.service_result(service, chosen)
        return {"service": _page_data(request, service, locale), **result_data(result, chosen)}


@router.get("/offices/{slug}/", response={200: OfficeIkm, **ERROR_RESPONSES}, url_name="api-ikm-office")
def office_ikm(request, slug: str, lang: Language = "id", period: PeriodKey = ""):
    """The survey index of one office over a period, across all its services."""
    locale = requested_locale(lang)
    office = _source(OfficePage, slug, "office")
    with override(locale.language_code):
        chosen = _period(period)
        result = results.office_result(office, chosen)
        return {"office": _page_data(request, office, locale), **result_data(result, chosen)}
