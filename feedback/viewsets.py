"""Admin views of the citizen's voice: survey results and suggestions (with export), complaints, dashboard panel."""

import django_filters
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import ReportView

from core.exports import FormulaSafeCsvMixin
from directory.editorial.freshness import editable_offices
from directory.editorial.reports import OfficeEditorsOnlyMixin, offices_for_request
from directory.models import OfficePage, ServicePage

from . import admin_queries, complaints, ikm, periods, results
from .models import Complaint, SurveyResponse


def _period_choices():
    return [(period.key, period.label) for period in periods.recent_periods()]


class FeedbackReportView(OfficeEditorsOnlyMixin, FormulaSafeCsvMixin, ReportView):
    """Shown to whoever edits an office: its editors see their office, the team and admins all offices."""

    paginate_by = 50


class SurveyResultsFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(label=_("Period"), choices=_period_choices, method="keep", empty_label=None)
    office = django_filters.ModelChoiceFilter(label=_("Office"), queryset=offices_for_request, method="filter_office")

    class Meta:
        model = ServicePage
        fields = []

    def keep(self, queryset, name, value):
        return queryset

    def filter_office(self, queryset, name, value):
        return queryset & results.services_of_offices([value]) if value else queryset


PUBLISHED = _("Published")
PROVISIONAL = _("Provisional: below the minimum sample, not public")


class SurveyResultsReportView(FeedbackReportView):
    """IKM per service of the user's offices over a period, for the yearly report (CSV and XLSX).

    Editors see an index below the minimum sample too, marked provisional; the public never does.
    """

    page_title = _("Satisfaction survey (IKM)")
    header_icon = "table"
    results_template_name = "feedback/admin/survey_results.html"
    filterset_class = SurveyResultsFilterSet
    list_export = [
        "office_title",
        "title",
        "period_key",
        "ikm_result.responses",
        "ikm_result.minimum_responses",
        "publication_label",
        "held_responses",
        "ikm_result.ikm",
        "category_letter",
        *[f"unit_{name}" for name in ikm.ELEMENT_FIELDS],
    ]
    export_headings = {
        "office_title": _("Office"),
        "title": _("Service"),
        "period_key": _("Period"),
        "ikm_result.responses": _("Responses"),
        "ikm_result.minimum_responses": _("Minimum sample"),
        "publication_label": _("Publication"),
        "held_responses": _("Held for review"),
        "ikm_result.ikm": _("IKM"),
        "category_letter": _("Category"),
        **{f"unit_{element.field}": f"{element.code} {element.label}" for element in ikm.ELEMENTS},
    }

    def period(self):
        try:
            return periods.parse_period(self.request.GET.get("period", ""))
        except ValueError:
            return periods.parse_period("")

    def get_queryset(self):
        offices = editable_offices(self.request.user)
        return results.services_of_offices(offices).select_related("locale").order_by("path")

    def decorate_paginated_queryset(self, services):
        # Wagtail's ReportView.get() decorates before exporting too, so rows always arrive decorated.
        period = self.period()
        services = list(services)
        responses = results.in_period(SurveyResponse.objects.filter(service__in=services), period)
        by_service = results.by_service(responses.counted())
        held = dict(responses.held().order_by().values_list("service").annotate(Count("pk")))
        parent_paths = {service.path[: -ServicePage.steplen] for service in services}
        offices = {office.path: office for office in OfficePage.objects.filter(path__in=parent_paths)}
        for service in services:
            result = results.with_minimum(
                by_service.get(service.pk) or ikm.compute([]), results.service_minimum(service, period)
            )
            office = offices.get(service.path[: -ServicePage.steplen])
            service.office_title = office.title if office else ""
            service.period_key = period.key
            service.ikm_result = result
            service.publication_label = PUBLISHED if result.published else PROVISIONAL
            service.held_responses = held.get(service.pk, 0)
            service.category_letter = result.category.letter if result.category else ""
            for name in ikm.ELEMENT_FIELDS:
                value = result.unit_values[name]
                setattr(service, f"unit_{name}", None if value is None else round(value, 3))
        return services

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["period"] = self.period()
        context["elements"] = ikm.ELEMENTS
        return context


class SuggestionsReportView(FeedbackReportView):
    """The survey's free-text suggestions to the user's offices, newest first."""

    page_title = _("Suggestions from the survey")
    header_icon = "comment"
    results_template_name = "feedback/admin/suggestions.html"
    list_export = ["submitted_at", "service.title", "suggestion", "age_band", "sex", "education", "occupation"]
    export_headings = {
        "submitted_at": _("Submitted at"),
        "service.title": _("Service"),
        "suggestion": _("Suggestion"),
        "age_band": _("Age"),
        "sex": _("Sex"),
        "education": _("Education"),
        "occupation": _("Occupation"),
    }

    def get_queryset(self):
        return admin_queries.suggestions_of(editable_offices(self.request.user)).order_by("-submitted_at")


class ComplaintFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("open", _("Not answered")), ("overdue", _("Overdue")), ("answered", _("Answered"))],
        method="filter_state",
    )

    class Meta:
        model = Complaint
        fields = []

    def filter_state(self, queryset, name, value):
        if value == "overdue":
            return complaints.overdue(queryset)
        if value == "open":
            return queryset.filter(answered_at__isnull=True)
        if value == "answered":
            return queryset.filter(answered_at__isnull=False)
        return queryset


class ComplaintsReportView(FeedbackReportView):
    """The complaint box of the user's offices with its clock; export without personal data."""

    page_title = _("Complaints")
    header_icon = "mail"
    results_template_name = "feedback/admin/complaints.html"
    filterset_class = ComplaintFilterSet
    list_export = ["reference", "office.title", "get_category_display", "submitted_at", "answered_at", "clock_label"]
    export_headings = {
        "reference": _("Reference"),
        "office.title": _("Office"),
        "get_category_display": _("Category"),
        "submitted_at": _("Submitted at"),
        "answered_at": _("Answered at"),
        "clock_label": _("Status"),
    }

    def get_queryset(self):
        return admin_queries.complaints_of(editable_offices(self.request.user)).order_by("answered_at", "submitted_at")


class CitizenVoicePanel(Component):
    """On the dashboard: complaints waiting (overdue first) and contacts citizens reported, most reported first."""

    name = "citizen_voice"
    template_name = "feedback/admin/dashboard_panel.html"
    order = 60

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        offices = editable_offices(self.user)
        return {
            # Earliest due first: the overdue ones lead.
            "complaints": list(admin_queries.open_complaints(offices)[:20]),
            "reported_contacts": list(admin_queries.reported_contacts(offices)[:10]),
        }


class ReportedContactsSection(Component):
    """The contacts citizens reported, for the *Contact data to check* report (through its hook)."""

    template_name = "feedback/admin/reported_contacts.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        offices = editable_offices(self.request.user)
        return {
            "reported_contacts": list(admin_queries.reported_contacts(offices)[:50]),
            "note_retention_days": complaints.note_retention_days(),
        }
