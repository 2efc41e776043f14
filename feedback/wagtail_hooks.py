from django.template.loader import render_to_string
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from core.reports import ReportViewSet
from directory.editorial.reports import edits_an_office

from . import admin_views, clock, next_steps, review
from .viewsets import (
    CitizenVoicePanel,
    ComplaintsReportView,
    ReportedContactsSection,
    SuggestionsReportView,
    SurveyResultsReportView,
)

CITIZEN_VOICE_MENU_HOOK = "register_citizen_voice_menu_item"


@hooks.register("register_admin_urls")
def register_feedback_admin_urls():
    return [
        path("feedback/complaints/<int:pk>/", admin_views.answer_complaint, name="feedback_complaint_answer"),
        path(
            "feedback/held/<int:service_pk>/review/",
            review.review_held_responses,
            name="feedback_held_responses_review",
        ),
    ]


@hooks.register("register_report_viewset")
def register_feedback_reports():
    reports = [
        ("feedback_complaints", "complaints", ComplaintsReportView, _("Complaints"), "mail"),
        ("feedback_survey_results", "survey", SurveyResultsReportView, _("Satisfaction survey (IKM)"), "table"),
        ("feedback_suggestions", "suggestions", SuggestionsReportView, _("Suggestions from the survey"), "comment"),
        (
            "feedback_held_responses",
            "held",
            review.HeldResponsesReportView,
            _("Survey responses held for review"),
            "warning",
        ),
    ]
    return [
        ReportViewSet(
            name,
            url_prefix=f"feedback/{prefix}",
            view_class=view,
            menu_label=label,
            menu_icon=icon,
            menu_order=order,
            menu_hook=CITIZEN_VOICE_MENU_HOOK,
            user_may_see=edits_an_office,
        )
        for order, (name, prefix, view, label, icon) in enumerate(reports, start=1)
    ]


@hooks.register("register_admin_menu_item")
def register_feedback_menu():
    menu = Menu(register_hook_name=CITIZEN_VOICE_MENU_HOOK)
    return SubmenuMenuItem(_("Citizen's voice"), menu, icon_name="group", name="citizen-voice", order=350)


@hooks.register("construct_homepage_panels")
def add_citizen_voice_panel(request, panels):
    panels.append(CitizenVoicePanel(request.user))


@hooks.register("directory_contact_data_sections")
def reported_contacts_section(request):
    return ReportedContactsSection(request)


@hooks.register("page_section_office_complaint_box")
def complaint_promise_section(context, page):
    """The complaint box's promise on an office page, worded where the clock is defined."""
    sentence = _("Write to this office: you get a reference number and an answer %(promise)s.")
    return format_html("<p>{}</p>", sentence % {"promise": clock.promise()})


# The directory's pages link to feedback only through these slots, so they never name feedback's URLs.
FEEDBACK_SECTIONS = {
    "contact_card": ("feedback/sections/contact_report_link.html", "contact"),
    "office_feedback_links": ("feedback/sections/office_links.html", "page"),
    "service_survey": ("feedback/sections/service_survey.html", "page"),
}


def template_section(template_name, name):
    """A ``page_section_*`` hook rendering ``template_name`` with the slot's object as ``name``."""

    def section(context, obj):
        return render_to_string(template_name, {name: obj}, context.get("request"))

    return section


for slot, (template_name, name) in FEEDBACK_SECTIONS.items():
    hooks.register(f"page_section_{slot}", template_section(template_name, name))

hooks.register("search_next_steps", next_steps.complaint_box_steps)


@hooks.register("register_uncached_paths")
def keep_the_citizens_voice_out_of_the_page_cache():
    """Its forms carry a fresh signed token and a CSRF token, a complaint's status page belongs to one
    citizen, and survey results must show a response as soon as it is sent."""
    return ["feedback/"]
