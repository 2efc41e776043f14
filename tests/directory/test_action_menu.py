"""*Submit for moderation* is the main button where an office editor's changes need approval."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = pytest.mark.django_db


def action_buttons(client, user, url):
    """The names of the page action buttons in the order the footer shows them, the main one first."""
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    footer = BeautifulSoup(response.content, "html.parser").select_one("footer .actions--primary")
    return [button.get("name", "") for button in footer.select("button[type=submit]")]


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def switch_moderation_off(office):
    office.requires_moderation = False
    office.save_revision().publish()


def test_an_office_editor_sees_submit_for_moderation_as_the_main_button(client, editor_a, office_a):
    assert action_buttons(client, editor_a, edit_url(office_a))[0] == "action-submit"


def test_submit_for_moderation_is_the_main_button_when_adding_a_service(client, editor_a, office_a):
    url = reverse("wagtailadmin_pages:add", args=["directory", "servicepage", office_a.pk])
    assert action_buttons(client, editor_a, url)[0] == "action-submit"


def test_the_communications_team_keeps_wagtails_order(client, communications_member, office_a):
    buttons = action_buttons(client, communications_member, edit_url(office_a))
    assert buttons[0] != "action-submit" and "action-publish" in buttons


def test_an_office_that_publishes_directly_keeps_wagtails_order(client, editor_a, office_a):
    switch_moderation_off(office_a)
    buttons = action_buttons(client, editor_a, edit_url(office_a))
    assert buttons[0] != "action-submit" and "action-publish" in buttons
