"""Bursts of survey responses are held for review, out of every published figure, until an editor decides.

A service's counter serves people one after the other; more than ``FEEDBACK_BURST_LIMIT``
responses to one service within ``FEEDBACK_BURST_MINUTES`` is what a script looks like. The
whole burst is held, not only the responses after the limit: the first ones of a forged burst
would otherwise still move the index. Responses an editor already reviewed are left as decided.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import ResponseStatus, SurveyResponse


def burst_window(service_id, moment):
    """The responses to the service from ``FEEDBACK_BURST_MINUTES`` before ``moment`` on."""
    start = moment - datetime.timedelta(minutes=settings.FEEDBACK_BURST_MINUTES)
    return SurveyResponse.objects.filter(service_id=service_id, submitted_at__gte=start)


def record_response(**fields):
    """Store a citizen's response; when it makes a burst, hold it with the rest of the burst.

    Stored first and counted after, so that of two responses arriving together the later
    count sees both.
    """
    response = SurveyResponse.objects.create(**fields)
    window = burst_window(response.service_id, response.submitted_at)
    if window.count() > settings.FEEDBACK_BURST_LIMIT:
        window.filter(status=ResponseStatus.ACCEPTED, reviewed_at__isnull=True).update(status=ResponseStatus.HELD)
        response.status = ResponseStatus.HELD
    return response


def review(service, last_pk, accept, user):
    """Accept (counted from now on) or reject the service's held responses up to ``last_pk``; how many."""
    return (
        SurveyResponse.objects.held()
        .filter(service=service, pk__lte=last_pk)
        .update(
            status=ResponseStatus.ACCEPTED if accept else ResponseStatus.REJECTED,
            reviewed_at=timezone.now(),
            reviewed_by=user,
        )
    )
