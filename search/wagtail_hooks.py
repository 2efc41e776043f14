from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.reports import ReportViewSet

from .reports import FailedSearchReportView, SearchQueryReportView, promote_page
from .viewsets import SynonymGroupViewSet

register_snippet(SynonymGroupViewSet)


@hooks.register("register_report_viewset")
def register_search_reports():
    return [
        ReportViewSet(
            "search_query_report",
            url_prefix="reports/searches",
            view_class=SearchQueryReportView,
            menu_label=_("Citizen searches"),
            menu_order=800,
        ),
        ReportViewSet(
            "search_failed_report",
            url_prefix="reports/failed-searches",
            view_class=FailedSearchReportView,
            menu_order=810,
            extra_urls=[path("promote/", promote_page, name="search_failed_report_promote")],
        ),
    ]


@hooks.register("register_uncached_paths")
def keep_searches_out_of_the_page_cache():
    """Each search reaches the view, which logs it for the editors' reports."""
    return ["search/"]
