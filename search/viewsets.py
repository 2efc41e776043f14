"""Admin views of the search app: synonym groups and the report of what citizens search for."""

import datetime

import django_filters
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from core.exports import FormulaSafeCsvMixin

from .models import SearchQueryLog, SynonymGroup

REPORT_DAYS = 30


class SynonymGroupCreateView(CreateView):
    """The new group's form, prefilled with ``?terms=`` (the report of failed searches links here with a query)."""

    def get_initial_form_instance(self):
        return SynonymGroup(terms=self.request.GET.get("terms", "")[:200])


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    add_view_class = SynonymGroupCreateView
    icon = "list-ul"
    menu_label = _("Search synonyms")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["terms"]


class SearchQueryFilterSet(WagtailFilterSet):
    language_code = django_filters.ChoiceFilter(
        label=_("Language"), choices=[("id", "Bahasa Indonesia"), ("en", "English")]
    )
    without_results = django_filters.BooleanFilter(
        label=_("Only searches that found nothing"), method="filter_without_results"
    )

    class Meta:
        model = SearchQueryLog
        fields = ["language_code"]

    def filter_without_results(self, queryset, name, value):
        return queryset.filter(without_results__gt=0) if value else queryset


class SearchQueryReportView(FormulaSafeCsvMixin, ReportView):
    page_title = _("What citizens search for")
    header_icon = "search"
    results_template_name = "search/admin/query_report_results.html"
    filterset_class = SearchQueryFilterSet
    permission_policy = ModelPermissionPolicy(SearchQueryLog)
    any_permission_required = ["view", "change"]
    list_export = ["query", "language_code", "total", "without_results"]
    export_headings = {
        "query": _("Query"),
        "language_code": _("Language"),
        "total": _("Searches"),
        "without_results": _("Searches without results"),
    }

    def get_queryset(self):
        since = timezone.localdate() - datetime.timedelta(days=REPORT_DAYS)
        return (
            SearchQueryLog.objects.filter(date__gte=since)
            .values("query", "language_code")
            .annotate(total=Sum("searches"), without_results=Sum("searches_without_results"))
            .order_by("-without_results", "-total", "query")
        )
