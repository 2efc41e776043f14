"""Survey results per service and per office over a period, computed in the database.

Only accepted responses count (held and rejected ones never do), and each result carries
the period's minimum sample, from the number of service users editors enter per service.
"""

from dataclasses import replace

from django.db.models import Count, Sum
from wagtail.models import Locale

from directory.models import OfficePage, ServicePage
from directory.transfer.records import children_of

from . import ikm, sampling
from .models import SurveyResponse


def source_page(model, stable_slug):
    """The live page in the default language with this identifier (responses are kept against it), or None."""
    return model.objects.live().public().filter(stable_slug=stable_slug, locale=Locale.get_default()).first()


def localized(page, language_code):
    """The page in ``language_code`` when it is translated and live, else the page itself."""
    if page.locale.language_code == language_code:
        return page
    translation = (
        type(page)
        .objects.live()
        .public()
        .filter(translation_key=page.translation_key, locale__language_code=language_code)
    )
    return translation.first() or page


def in_period(queryset, period):
    start, end = period.bounds()
    return queryset.filter(submitted_at__gte=start, submitted_at__lt=end)


def of_service(service):
    return SurveyResponse.objects.counted().filter(service=service)


def of_office(office):
    return SurveyResponse.objects.counted().filter(
        service__path__startswith=office.path, service__depth=office.depth + 1
    )


def _aggregates():
    aggregates = {"responses": Count("pk")}
    for name in ikm.ELEMENT_FIELDS:
        aggregates[f"{name}__sum"] = Sum(name)
        aggregates[f"{name}__count"] = Count(name)
    return aggregates


def _result(row):
    totals = {name: (row[f"{name}__sum"], row[f"{name}__count"]) for name in ikm.ELEMENT_FIELDS}
    return ikm.from_totals(row["responses"], totals)


def summarize(responses):
    """The IKM result of a queryset of responses, in one query."""
    return _result(responses.aggregate(**_aggregates()))


def by_service(responses):
    """{service id: result} for the services among ``responses``, in one query."""
    rows = responses.order_by().values("service_id").annotate(**_aggregates())
    return {row["service_id"]: _result(row) for row in rows}


def office_services(office):
    return ServicePage.objects.child_of(office).live().public().order_by("title")


def services_of_offices(offices):
    """Services (default language) under any of ``offices``."""
    return ServicePage.objects.filter(children_of(offices), locale=Locale.get_default())


def office_of(service):
    return OfficePage.objects.parent_of(service).first()


def service_minimum(service, period):
    """The responses ``service`` needs in ``period`` before its index is published."""
    return sampling.minimum_sample(sampling.users_in_period(service.yearly_service_users, period))


def office_minimum(services, period):
    """One minimum for the office as a unit of service: the sample of all its services' users together.

    Not the sum of each service's minimum, which would ask for more than the regulation's table
    does for the same people. Where a service's number is missing, never less than the default.
    """
    yearly = [service.yearly_service_users for service in services]
    minimum = sampling.minimum_sample(sampling.users_in_period(sum(filter(None, yearly)), period))
    return minimum if all(yearly) else max(minimum, sampling.default_minimum())


def with_minimum(result, minimum):
    return replace(result, minimum_responses=minimum)


def service_result(service, period):
    """The (provisional until published) result of a source service over ``period``."""
    result = summarize(in_period(of_service(service), period))
    return with_minimum(result, service_minimum(service, period))


def office_result(office, period):
    """The (provisional until published) result of a source office over ``period``, across its services."""
    result = summarize(in_period(of_office(office), period))
    return with_minimum(result, office_minimum(office_services(office), period))


def service_results(office, period):
    """``[(service, result)]`` for the office's services with responses in ``period``, each with its minimum."""
    per_service = by_service(in_period(of_office(office), period))
    return [
        (service, with_minimum(per_service[service.pk], service_minimum(service, period)))
        for service in office_services(office)
        if service.pk in per_service
    ]
