"""The office editor reviews survey responses held as a burst: sees them with their timing, accepts or rejects them."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from directory.editorial.freshness import editable_offices
from directory.models import ServicePage

from . import admin_queries, bursts, ikm, results
from .viewsets import FeedbackReportView

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR


def gap_label(previous_at, submitted_at):
    """How long after the previous response to the same service this one came, e.g. ``7 s`` or ``3 min 5 s``."""
    if previous_at is None:
        return _("first response")
    seconds = int((submitted_at - previous_at).total_seconds())
    if seconds < MINUTE:
        return _("%(seconds)d s") % {"seconds": seconds}
    if seconds < HOUR:
        return _("%(minutes)d min %(seconds)d s") % {"minutes": seconds // MINUTE, "seconds": seconds % MINUTE}
    if seconds < DAY:
        return _("%(hours)d h %(minutes)d min") % {"hours": seconds // HOUR, "minutes": seconds % HOUR // MINUTE}
    days = seconds // DAY
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


class HeldResponsesReportView(FeedbackReportView):
    """Responses held as bursts in the user's offices, by service and time, each with the gap before it."""

    page_title = gettext_lazy("Survey responses held for review")
    header_icon = "warning"
    results_template_name = "feedback/admin/held_responses.html"
    list_export = ["service.title", "submitted_at", "gap", *ikm.ELEMENT_FIELDS, "suggestion"]
    export_headings = {
        "service.title": gettext_lazy("Service"),
        "submitted_at": gettext_lazy("Submitted at"),
        "gap": gettext_lazy("Time since the previous response"),
        **{element.field: f"{element.code} {element.label}" for element in ikm.ELEMENTS},
        "suggestion": gettext_lazy("Suggestion"),
    }

    def get_queryset(self):
        return admin_queries.held_responses_of(editable_offices(self.request.user))

    def decorate_paginated_queryset(self, held):
        held = list(held)
        for response in held:
            response.gap = gap_label(response.previous_at, response.submitted_at)
            response.score_list = [response.scores()[name] for name in ikm.ELEMENT_FIELDS]
        return held

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["held_services"] = admin_queries.held_by_service(editable_offices(self.request.user))
        context["elements"] = ikm.ELEMENTS
        return context


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "accept"), ("reject", "reject")])
    last = forms.IntegerField(min_value=1)


@require_POST
def review_held_responses(request, service_pk):
    """Accept or reject, in one go, a service's held responses up to the last one the editor saw."""
    service = get_object_or_404(ServicePage, pk=service_pk, locale=Locale.get_default())
    office = results.office_of(service)
    if office is None or not editable_offices(request.user).filter(pk=office.pk).exists():
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing was changed: choose to accept or reject the held responses."))
        return redirect("feedback_held_responses")
    accept = form.cleaned_data["decision"] == "accept"
    count = bursts.review(service, form.cleaned_data["last"], accept, request.user)
    message = (
        _("%(count)d responses to %(service)s accepted: they count in the published figures now.")
        if accept
        else _("%(count)d responses to %(service)s rejected: they will never count.")
    )
    messages.success(request, message % {"count": count, "service": service.title})
    return redirect("feedback_held_responses")
