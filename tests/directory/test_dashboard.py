"""An office editor's admin opens on their office."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from directory.editorial.roles import grant_office_editor
from tests.factories.directory import ContactPersonFactory, OfficePageFactory, ServicePageFactory, publish, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_a(roles):
    """A published office in both languages, with a contact and a service."""
    office = OfficePageFactory()
    ContactPersonFactory(office=office)
    ServicePageFactory(parent=office)
    office = publish(office)
    translate(office)
    return office


@pytest.fixture
def editor_a(office_a):
    return grant_office_editor("editor-a", office_a.stable_slug).user


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_an_office_editors_dashboard_opens_on_their_office(client, editor_a, office_a):
    panel = dashboard(client, editor_a).select_one("#home-office-section")
    assert panel is not None
    links = {a["href"] for a in panel.select("a[href]")}
    assert reverse("wagtailadmin_pages:edit", args=[office_a.pk]) in links
    assert reverse("wagtailadmin_pages:add", args=["directory", "servicepage", office_a.pk]) in links
    assert reverse("wagtailadmin_explore", args=[office_a.pk]) in links
    service = office_a.get_children().first()
    assert reverse("wagtailadmin_pages:edit", args=[service.pk]) in links


def test_the_dashboard_lists_the_offices_changes_awaiting_approval(client, editor_a, office_a, edit_data):
    client.force_login(editor_a)
    data = edit_data(office_a, editor_a, **{"contacts-0-phone": "+62 333 1234 567", "action-submit": "action-submit"})
    assert client.post(reverse("wagtailadmin_pages:edit", args=[office_a.pk]), data).status_code == 302
    panel = dashboard(client, editor_a).select_one("#home-office-section")
    pending = panel.select(".office-panel__pending a")
    assert [a["href"] for a in pending] == [reverse("wagtailadmin_pages:edit", args=[office_a.pk])]


def test_the_communications_team_gets_no_office_panel(client, communications_member):
    assert dashboard(client, communications_member).select_one("#home-office-section") is None


def test_the_page_explorer_starts_at_the_editors_office(client, editor_a, office_a):
    soup = dashboard(client, editor_a)
    sidebar = soup.select_one("#wagtail-sidebar-props")
    assert sidebar is not None
    assert reverse("wagtailadmin_explore", args=[office_a.pk]) in sidebar.string
    assert f", {office_a.pk}]" in sidebar.string.replace(" ", " ")
