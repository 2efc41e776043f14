"""The editors' reports on search: what citizens search for, and the searches that failed them.

A search failed when nobody opened a result (abandoned: the searches counted in the log
minus the results pages a result was opened from) or when the citizen answered "no".
Each row offers a synonym group prefilled with the query, and to promote, for that query,
a page citizens opened (Wagtail's search promotions).
"""

import datetime
from collections import defaultdict

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, F, IntegerField, Max, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Greatest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from core.exports import FormulaSafeCsvMixin

from .models import SearchFollowUp, SearchOpen, SearchQueryLog, SynonymGroup, is_masked

REPORT_DAYS = 30
PROMOTE_PERMISSION = "wagtailsearchpromotions.add_searchpromotion"


def _since():
    return timezone.localdate() - datetime.timedelta(days=REPORT_DAYS)


class SearchQueryFilterSet(WagtailFilterSet):
    language_code = django_filters.ChoiceFilter(
        label=gettext_lazy("Language"), choices=[("id", "Bahasa Indonesia"), ("en", "English")]
    )
    without_results = django_filters.BooleanFilter(
        label=gettext_lazy("Only searches that found nothing"), method="filter_without_results"
    )

    class Meta:
        model = SearchQueryLog
        fields = ["language_code"]

    def filter_without_results(self, queryset, name, value):
        return queryset.filter(without_results__gt=0) if value else queryset


class SearchQueryReportView(FormulaSafeCsvMixin, ReportView):
    page_title = gettext_lazy("What citizens search for")
    header_icon = "search"
    results_template_name = "search/admin/query_report_results.html"
    filterset_class = SearchQueryFilterSet
    permission_policy = ModelPermissionPolicy(SearchQueryLog)
    any_permission_required = ["view", "change"]
    list_export = ["query", "language_code", "total", "without_results"]
    export_headings = {
        "query": gettext_lazy("Query"),
        "language_code": gettext_lazy("Language"),
        "total": gettext_lazy("Searches"),
        "without_results": gettext_lazy("Searches without results"),
    }

    def get_queryset(self):
        return (
            SearchQueryLog.objects.filter(date__gte=_since())
            .values("query", "language_code")
            .annotate(total=Sum("searches"), without_results=Sum("searches_without_results"))
            .order_by("-without_results", "-total", "query")
        )


def _follow_up_count(**conditions):
    """Per query and language of the outer row: how many results pages meet ``conditions``."""
    follow_ups = SearchFollowUp.objects.filter(
        date__gte=_since(), query=OuterRef("query"), language_code=OuterRef("language_code"), **conditions
    )
    counted = follow_ups.order_by().values("query").annotate(count=Count("pk", distinct=True)).values("count")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def failed_searches():
    """Rows of query, language, searches, abandoned and answered "no", the worst first."""
    return (
        SearchQueryLog.objects.filter(date__gte=_since())
        .values("query", "language_code")
        .annotate(
            total=Sum("searches"),
            on_results_page=Sum("results_page_searches"),
            opened=_follow_up_count(opens__isnull=False),
            answered_no=_follow_up_count(found=False),
        )
        # Only the results page follows what is opened: the API's searches are neither opened nor abandoned.
        .annotate(abandoned=Greatest(F("on_results_page") - F("opened"), Value(0)))
        .filter(Q(abandoned__gt=0) | Q(answered_no__gt=0))
        .order_by("-answered_no", "-abandoned", "query")
    )


def opened_results(rows):
    """``{(query, language): [{"title", "page", "times"}, …]}``: what the rows' citizens opened, most often first."""
    queries = {row["query"] for row in rows}
    opens = (
        SearchOpen.objects.filter(follow_up__date__gte=_since(), follow_up__query__in=queries)
        .values("follow_up__query", "follow_up__language_code", "title", "page_id")
        .annotate(times=Count("pk"))
        .order_by("-times", "title")
    )
    found = defaultdict(list)
    for item in opens:
        key = (item["follow_up__query"], item["follow_up__language_code"])
        found[key].append({"title": item["title"], "page": item["page_id"], "times": item["times"]})
    return found


class FailedSearchReportView(ReportView):
    page_title = gettext_lazy("Searches that did not help")
    header_icon = "search"
    results_template_name = "search/admin/failed_search_report_results.html"
    permission_policy = ModelPermissionPolicy(SearchQueryLog)
    any_permission_required = ["view", "change"]

    def get_queryset(self):
        return failed_searches()

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        opened = opened_results(rows)
        for row in rows:
            row["opened_results"] = opened.get((row["query"], row["language_code"]), [])
            # A masked query is never typed as stored: a promotion for it would never show.
            row["promotable"] = not is_masked(row["query"])
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_promote"] = self.request.user.has_perm(PROMOTE_PERMISSION)
        context["can_add_synonyms"] = self.request.user.has_perm("search.add_synonymgroup")
        context["synonym_add_url"] = reverse(SynonymGroup.snippet_viewset.get_url_name("add"))
        return context


class PromotionForm(forms.Form):
    query = forms.CharField(max_length=200)
    page = forms.ModelChoiceField(queryset=Page.objects.filter(depth__gt=1))


@require_POST
def promote_page(request):
    """Promote a page for a query in one click; only editors who may add search promotions."""
    if not request.user.has_perm(PROMOTE_PERMISSION):
        raise PermissionDenied
    form = PromotionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The page could not be promoted: it may have been deleted."))
        return redirect("search_failed_report")
    if is_masked(form.cleaned_data["query"]):
        messages.error(request, _("This search held personal data and is kept masked: it cannot be promoted."))
        return redirect("search_failed_report")
    page = form.cleaned_data["page"]
    try:
        with transaction.atomic():
            query = Query.get(form.cleaned_data["query"])
            # Locked: a second click, or a colleague's, waits and then finds the promotion made.
            Query.objects.select_for_update().filter(pk=query.pk).first()
            if not query.editors_picks.filter(page=page).exists():
                last = query.editors_picks.aggregate(last=Max("sort_order"))["last"]
                query.editors_picks.create(page=page, sort_order=0 if last is None else last + 1, description="")
    except IntegrityError:  # the same new query saved by a colleague at the same moment
        messages.error(request, _("The page could not be promoted just now: please try again."))
        return redirect("search_failed_report")
    messages.success(
        request,
        _("“%(page)s” is now promoted for “%(query)s”.") % {"page": page.title, "query": query.query_string},
    )
    return redirect("search_failed_report")
