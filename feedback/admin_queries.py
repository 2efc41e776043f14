"""What office editors see of the citizen's voice: their offices' reports, complaints and survey results."""

from django.db.models import Count, Max, Min, OuterRef, Prefetch, Q, Subquery

from directory.models import ContactPerson

from .models import Complaint, ContactReport, SurveyResponse
from .results import services_of_offices


def reported_contacts(offices):
    """Contacts of ``offices`` with reports since they were last confirmed, the most reported first.

    Each carries its open reports, newest first, in ``open_report_list``: the citizens' notes are read there.
    """
    open_reports = Q(citizen_reports__resolved_at__isnull=True)
    return (
        ContactPerson.objects.filter(office__in=offices)
        .annotate(open_reports=Count("citizen_reports", filter=open_reports))
        .filter(open_reports__gt=0)
        .select_related("office")
        .prefetch_related(
            Prefetch(
                "citizen_reports",
                queryset=ContactReport.objects.filter(resolved_at__isnull=True).order_by("-reported_at"),
                to_attr="open_report_list",
            )
        )
        .order_by("-open_reports", "office__title", "name")
    )


def complaints_of(offices):
    return Complaint.objects.filter(office__in=offices).select_related("office")


def open_complaints(offices):
    return complaints_of(offices).filter(answered_at__isnull=True).order_by("due_at")


def suggestions_of(offices):
    return (
        SurveyResponse.objects.counted()
        .filter(service__in=services_of_offices(offices))
        .exclude(suggestion="")
        .select_related("service")
    )


def held_responses_of(offices):
    """Survey responses to the services of ``offices`` held for review, each with when the one before it came."""
    before = SurveyResponse.objects.filter(service=OuterRef("service"), submitted_at__lt=OuterRef("submitted_at"))
    return (
        SurveyResponse.objects.held()
        .filter(service__in=services_of_offices(offices))
        .annotate(previous_at=Subquery(before.order_by("-submitted_at").values("submitted_at")[:1]))
        .select_related("service")
        .order_by("service__path", "submitted_at", "pk")
    )


def held_by_service(offices):
    """Per service with held responses: how many, the first and last time, and the last one's id (for the review)."""
    return (
        SurveyResponse.objects.held()
        .filter(service__in=services_of_offices(offices))
        .order_by()
        .values("service", "service__title")
        .annotate(count=Count("pk"), first_at=Min("submitted_at"), last_at=Max("submitted_at"), last_pk=Max("pk"))
        .order_by("service__title")
    )
