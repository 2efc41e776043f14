"""The office editor's way in: dashboard panels on their office and their contacts to check, and a page explorer
that opens on their office."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Page, WorkflowState

from ..models import ServicePage
from . import freshness
from .roles import offices_edited_by


def home_office(user):
    """The one office a user edits, or ``None`` for the team, admins and editors of several offices."""
    offices = list(offices_edited_by(user)[:2])
    return offices[0] if len(offices) == 1 else None


def pending_moderation(office):
    """Workflow states in progress on the office page and its services (every language), newest first."""
    pages = Page.objects.filter(translation_key__in=_translation_keys(office)).values_list("pk", flat=True)
    return (
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page), object_id__in=[str(pk) for pk in pages])
        .select_related("requested_by", "current_task_state__task")
        .prefetch_related("content_object")
        .order_by("-created_at")
    )


def _translation_keys(office):
    services = ServicePage.objects.child_of(office).values_list("translation_key", flat=True)
    return [office.translation_key, *services]


class OfficePanel(Component):
    """First on an office editor's dashboard: their office, its services, what to check and what awaits approval."""

    name = "home_office"
    template_name = "directory/admin/office_panel.html"
    order = 50

    def __init__(self, office):
        self.office = office

    def get_context_data(self, parent_context):
        office = self.office
        return {
            "office": office,
            "services": ServicePage.objects.child_of(office).order_by("title"),
            "stale_count": freshness.stale_contacts_of([office]).count(),
            "pending": list(pending_moderation(office)),
        }


class StaleContactsPanel(Component):
    """On an office editor's dashboard: their contacts due for a check, each confirmed with one click."""

    name = "stale_contacts"
    template_name = "directory/admin/stale_contacts_panel.html"
    order = 150

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {
            "contacts": list(freshness.stale_contacts_of(offices_edited_by(self.user))),
            "stale_after_days": freshness.stale_after_days(),
            "request": parent_context["request"],
            "csrf_token": parent_context["csrf_token"],
        }


class OfficeExplorerMenuItem(ExplorerMenuItem):
    """*Pages* opens on the editor's own office rather than on the tree root both languages share."""

    def _start_page(self, request):
        return home_office(request.user)

    def get_context(self, request):
        context = super().get_context(request)
        office = self._start_page(request)
        if office is not None:
            context["start_page_id"] = office.pk
        return context

    def render_component(self, request):
        office = self._start_page(request)
        component = super().render_component(request)
        if office is not None and hasattr(component, "start_page_id"):
            component.start_page_id = office.pk
            component.url = reverse("wagtailadmin_explore", args=[office.pk])
        return component


def with_office_explorer(menu_items):
    """``menu_items`` with Wagtail's *Pages* item replaced by one that opens on the editor's office."""
    return [
        OfficeExplorerMenuItem(
            item.label, item.url, name=item.name, icon_name=item.icon_name, classname=item.classname, order=item.order
        )
        if type(item) is ExplorerMenuItem
        else item
        for item in menu_items
    ]
