from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .reports import FailedSearchReportView, promote_page
from .viewsets import SearchQueryReportView, SynonymGroupViewSet

register_snippet(SynonymGroupViewSet)


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchquerylog")


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path("reports/searches/", SearchQueryReportView.as_view(), name="search_query_report"),
        path(
            "reports/searches/results/",
            SearchQueryReportView.as_view(results_only=True),
            name="search_query_report_results",
        ),
        path("reports/failed-searches/", FailedSearchReportView.as_view(), name="search_failed_report"),
        path(
            "reports/failed-searches/results/",
            FailedSearchReportView.as_view(results_only=True),
            name="search_failed_report_results",
        ),
        path("reports/failed-searches/promote/", promote_page, name="search_failed_report_promote"),
    ]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(_("Citizen searches"), reverse("search_query_report"), icon_name="search", order=800)


@hooks.register("register_reports_menu_item")
def register_failed_search_report_menu_item():
    return SearchReportMenuItem(
        _("Searches that did not help"), reverse("search_failed_report"), icon_name="search", order=810
    )
