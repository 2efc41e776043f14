from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.reports import ReportViewSet

from . import search_source
from .editorial import action_menu, dashboard, freshness, views
from .editorial.reports import (
    FreshnessReportView,
    TranslationStatusReportView,
    edits_an_office,
    may_submit_translations,
)
from .translation import team_actions


@hooks.register("register_admin_urls")
def register_directory_admin_urls():
    return [path("directory/contacts/<int:pk>/verify/", views.verify_contact, name="directory_verify_contact")]


@hooks.register("register_report_viewset")
def register_directory_reports():
    return [
        ReportViewSet(
            "directory_freshness_report",
            url_prefix="reports/contact-data",
            view_class=FreshnessReportView,
            menu_label=_("Contact data to check"),
            menu_icon="user",
            menu_order=700,
            user_may_see=edits_an_office,
        ),
        ReportViewSet(
            "directory_translation_status",
            url_prefix="reports/translation-status",
            view_class=TranslationStatusReportView,
            menu_order=710,
            user_may_see=may_submit_translations,
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_stale_contacts_panel(request, panels):
    panels.append(dashboard.StaleContactsPanel(request.user))


@hooks.register("construct_homepage_panels")
def add_office_panel(request, panels):
    office = dashboard.home_office(request.user)
    if office is not None:
        panels.insert(0, dashboard.OfficePanel(office))


@hooks.register("construct_main_menu")
def open_explorer_on_office(request, menu_items):
    menu_items[:] = dashboard.with_office_explorer(menu_items)


@hooks.register("register_log_actions")
def register_directory_log_actions(actions):
    actions.register_action(freshness.VERIFY_ACTION)(freshness.ContactVerifiedFormatter)


@hooks.register("construct_page_action_menu")
def keep_translation_actions_with_the_team(menu_items, request, context):
    team_actions.without_team_actions(menu_items, request)


@hooks.register("construct_page_action_menu")
def put_submit_for_moderation_first(menu_items, request, context):
    action_menu.submit_first(menu_items, request)


# Before wagtail-localize's own hook (order 0), which would answer with its editor.
hooks.register("before_edit_page", team_actions.translation_editor, order=-1)


@hooks.register("insert_global_admin_css")
def hide_unlinked_translation_editor_actions():
    return team_actions.HIDE_UNLINKED_EDITOR_ACTIONS


hooks.register("search_next_steps", search_source.office_kind_steps)
hooks.register("search_next_steps", search_source.life_event_steps)


@hooks.register("register_cache_query_params")
def directory_query_params():
    """The directory index's office type filter (``?kind=``): each type's list is cached apart."""
    return ["kind"]
