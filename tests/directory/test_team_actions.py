"""*Stop synced translation* and *Convert to alias page* stay with the communications team."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail_localize.models import Translation

pytestmark = pytest.mark.django_db


def translation_of(page):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def editor_links(client, user, page):
    """The links the translation editor of ``page`` is given, as ``user`` sees it."""
    client.force_login(user)
    response = client.get(edit_url(page))
    assert response.status_code == 200
    editor = BeautifulSoup(response.content, "html.parser").select_one(".js-translation-editor")
    return json.loads(editor["data-props"])["links"]


def action_menu_names(client, user, page):
    client.force_login(user)
    response = client.get(edit_url(page))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {button["name"] for button in soup.select("footer [name]") if button.name in ("button", "input")}


def stop_url(page):
    return reverse("wagtail_localize:stop_translation", args=[translation_of(page).pk])


def convert_url(page):
    return reverse("wagtail_localize:convert_to_alias", args=[page.pk])


@pytest.fixture
def stopped_office_a_en(office_a_en):
    translation = translation_of(office_a_en)
    translation.enabled = False
    translation.save(update_fields=["enabled"])
    return office_a_en


def test_an_office_editors_translation_editor_has_no_stop_sync_or_alias_link(client, editor_a, office_a_en):
    links = editor_links(client, editor_a, office_a_en)
    assert links["stopTranslationUrl"] is None
    assert links["convertToAliasUrl"] is None
    assert links["lockUrl"]


def test_the_teams_translation_editor_keeps_both_links(client, communications_member, office_a_en):
    links = editor_links(client, communications_member, office_a_en)
    assert links["stopTranslationUrl"] == stop_url(office_a_en)
    assert links["convertToAliasUrl"] == convert_url(office_a_en)


def test_an_office_editor_cannot_stop_the_synced_translation(client, editor_a, office_a_en):
    client.force_login(editor_a)
    response = client.post(stop_url(office_a_en), follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert translation_of(office_a_en).enabled
    assert [message.level_tag for message in response.context["messages"]] == ["error"]


def test_the_communications_team_can_stop_the_synced_translation(client, communications_member, office_a_en):
    client.force_login(communications_member)
    response = client.post(stop_url(office_a_en))
    assert response.status_code == 302
    assert not translation_of(office_a_en).enabled


def test_an_office_editor_cannot_convert_a_translation_to_an_alias(client, editor_a, office_a_en):
    client.force_login(editor_a)
    assert client.get(convert_url(office_a_en)).status_code == 302
    response = client.post(convert_url(office_a_en))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    office_a_en.refresh_from_db()
    assert office_a_en.alias_of_id is None


def test_an_office_editor_is_refused_with_a_403_when_asking_by_script(client, editor_a, office_a_en):
    client.force_login(editor_a)
    response = client.post(convert_url(office_a_en), headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 403


def test_the_communications_team_is_asked_to_confirm_the_conversion(client, communications_member, office_a_en):
    client.force_login(communications_member)
    response = client.get(convert_url(office_a_en))
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select_one(f"form[action='{convert_url(office_a_en)}']")


def test_an_office_editor_is_not_offered_convert_to_alias_in_the_action_menu(client, editor_a, stopped_office_a_en):
    assert "localize-convert-to-alias" not in action_menu_names(client, editor_a, stopped_office_a_en)


def test_the_team_is_offered_convert_to_alias_in_the_action_menu(client, communications_member, stopped_office_a_en):
    assert "localize-convert-to-alias" in action_menu_names(client, communications_member, stopped_office_a_en)


def test_an_office_editor_posting_the_alias_menu_action_gets_no_confirmation_form(
    client, editor_a, stopped_office_a_en
):
    client.force_login(editor_a)
    response = client.post(edit_url(stopped_office_a_en), {"localize-convert-to-alias": ""}, follow=True)
    assert response.redirect_chain[-1] == (reverse("wagtailadmin_home"), 302)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(f"form[action='{convert_url(stopped_office_a_en)}']") is None
