"""What office editors see of the citizen's voice: their offices' reports, complaints and survey results."""

from django.db.models import Count, Q

from directory.models import ContactPerson

from .models import Complaint, SurveyResponse
from .results import services_of_offices


def reported_contacts(offices):
    """Contacts of ``offices`` with reports since they were last confirmed, the most reported first."""
    open_reports = Q(citizen_reports__resolved_at__isnull=True)
    return (
        ContactPerson.objects.filter(office__in=offices)
        .annotate(open_reports=Count("citizen_reports", filter=open_reports))
        .filter(open_reports__gt=0)
        .select_related("office")
        .order_by("-open_reports", "office__title", "name")
    )


def complaints_of(offices):
    return Complaint.objects.filter(office__in=offices).select_related("office")


def open_complaints(offices):
    return complaints_of(offices).filter(answered_at__isnull=True).order_by("due_at")


def suggestions_of(offices):
    return (
        SurveyResponse.objects.filter(service__in=services_of_offices(offices))
        .exclude(suggestion="")
        .select_related("service")
    )
