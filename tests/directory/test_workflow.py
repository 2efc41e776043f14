"""Office changes go through the communications team's approval, leave a history, and never overwrite each other."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, PageLogEntry, PageViewRestriction, TaskState, WorkflowState

from directory.editorial.roles import MODERATION_WORKFLOW, office_editors_group
from directory.models import ServicePage
from tests.support.html import all_text, hrefs, page, soup, visible_text

from .conftest import OFFICE_A

pytestmark = pytest.mark.django_db

NEW_PHONE = "+62 333 999 111"
PUBLIC_OFFICE_URL = f"/id/direktori/{OFFICE_A}/"
OFFICE_API_URL = f"/api/directory/offices/{OFFICE_A}/"


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit_contact_phone(client, editor, office, edit_data, phone=NEW_PHONE):
    client.force_login(editor)
    data = edit_data(office, editor, **{"contacts-0-phone": phone, "action-submit": "action-submit"})
    response = client.post(edit_url(office), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    office.refresh_from_db()
    return office.current_workflow_state


def approve(client, approver, office, workflow_state):
    client.force_login(approver)
    task_state = workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[office.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def messages(response):
    """The admin's messages to the editor on the page of ``response``."""
    return visible_text(soup(response).select_one(".messages"))


def public_html(url=PUBLIC_OFFICE_URL):
    """The status of ``url`` for a visitor, and every string of the page (scripts included)."""
    response = Client().get(url)
    return response.status_code, all_text(soup(response, response.status_code))


# --- moderation -----------------------------------------------------------------


def test_an_office_editors_change_waits_for_approval(client, editor_a, office_a, edit_data):
    state = submit_contact_phone(client, editor_a, office_a, edit_data)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == MODERATION_WORKFLOW
    assert state.requested_by == editor_a
    assert office_a.contacts.first().phone != NEW_PHONE
    assert NEW_PHONE not in public_html()[1]


def test_the_english_office_inherits_the_workflow(office_a_en, roles):
    assert office_a_en.get_workflow() == roles.workflow


def test_approvers_see_the_change_as_a_diff(client, editor_a, communications_member, office_a, edit_data):
    old_phone = office_a.contacts.first().phone
    state = submit_contact_phone(client, editor_a, office_a, edit_data)
    client.force_login(communications_member)
    dashboard = hrefs(page(client, reverse("wagtailadmin_home")))
    compare_url = reverse(
        "wagtailadmin_pages:revisions_compare", args=[office_a.pk, "live", state.current_task_state.revision_id]
    )
    assert compare_url in dashboard
    diff = visible_text(page(client, compare_url).select_one("main"))
    assert NEW_PHONE in diff and old_phone in diff


def test_the_communications_team_approves_and_the_change_goes_live(
    client, editor_a, communications_member, office_a, edit_data
):
    state = submit_contact_phone(client, editor_a, office_a, edit_data)
    response = approve(client, communications_member, office_a, state)
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert office_a.contacts.first().phone == NEW_PHONE
    assert "0333999111" in re.sub(r"\D", "", public_html()[1])
    published = PageLogEntry.objects.filter(page=office_a, action="wagtail.publish").latest("timestamp")
    assert published.user == communications_member


def test_office_editors_cannot_approve_their_own_change(client, editor_a, office_a, edit_data):
    state = submit_contact_phone(client, editor_a, office_a, edit_data)
    approve(client, editor_a, office_a, state)
    state.refresh_from_db()
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert office_a.contacts.first().phone != NEW_PHONE


def test_a_change_under_review_cannot_be_overwritten_by_another_office_editor(
    client, editor_a, second_editor_a, office_a, edit_data
):
    submit_contact_phone(client, editor_a, office_a, edit_data)
    revisions = office_a.revisions.count()
    client.force_login(second_editor_a)
    data = edit_data(office_a, second_editor_a, **{"contacts-0-phone": "0333-000-4321"})
    response = client.post(edit_url(office_a), data)
    assert "could not be saved as it is locked" in messages(response)
    assert office_a.revisions.count() == revisions


# --- the switch per office ------------------------------------------------------


def switch_moderation(client, user, office, edit_data, on):
    client.force_login(user)
    data = edit_data(office, user, requires_moderation="on" if on else None, **{"action-publish": "action-publish"})
    assert client.post(edit_url(office), data).status_code == 302
    office.refresh_from_db()


def test_moderation_switched_off_lets_the_office_publish_directly(
    client, editor_a, communications_member, office_a, edit_data
):
    switch_moderation(client, communications_member, office_a, edit_data, on=False)
    assert office_a.requires_moderation is False
    client.force_login(editor_a)
    data = edit_data(office_a, editor_a, summary="Ringkasan terbaru", **{"action-publish": "action-publish"})
    assert client.post(edit_url(office_a), data).status_code == 302
    office_a.refresh_from_db()
    assert office_a.summary == "Ringkasan terbaru"
    assert office_a.live_revision.user == editor_a


def test_switching_moderation_back_on_takes_the_right_to_publish_away(
    client, communications_member, office_a, office_a_en, edit_data
):
    switch_moderation(client, communications_member, office_a, edit_data, on=False)
    group = office_editors_group(office_a)
    publishing = group.page_permissions.filter(permission__codename="publish_page")
    assert set(publishing.values_list("page_id", flat=True)) == {office_a.pk, office_a_en.pk}
    switch_moderation(client, communications_member, office_a, edit_data, on=True)
    assert not publishing.exists()


def test_an_office_editor_cannot_switch_moderation_off_by_posting_it(
    client, editor_a, communications_member, office_a, edit_data
):
    client.force_login(editor_a)
    data = edit_data(office_a, editor_a, **{"action-submit": "action-submit"})
    data.pop("requires_moderation", None)
    client.post(edit_url(office_a), data)
    office_a.refresh_from_db()
    approve(client, communications_member, office_a, office_a.current_workflow_state)
    office_a.refresh_from_db()
    assert office_a.requires_moderation is True
    assert not office_editors_group(office_a).page_permissions.filter(permission__codename="publish_page").exists()


# --- history --------------------------------------------------------------------


def test_a_contact_edit_is_in_the_page_history_with_who_and_when(client, editor_a, office_a, edit_data):
    client.force_login(editor_a)
    contact = office_a.contacts.first()
    data = edit_data(office_a, editor_a, **{"contacts-0-phone": NEW_PHONE})
    assert client.post(edit_url(office_a), data).status_code == 302

    revision = office_a.revisions.order_by("-created_at", "-pk").first()
    assert revision.user == editor_a
    saved = next(item for item in revision.content["contacts"] if item["pk"] == contact.pk)
    assert saved["phone"] == NEW_PHONE
    entry = PageLogEntry.objects.filter(page=office_a, action="wagtail.edit").latest("timestamp")
    assert entry.user == editor_a
    assert entry.revision == revision
    assert entry.timestamp >= revision.created_at.replace(microsecond=0)

    history = visible_text(page(client, reverse("wagtailadmin_pages:history", args=[office_a.pk])).select_one("main"))
    assert "editor-a" in history


def test_a_service_edit_is_in_the_page_history_with_who_and_when(client, editor_a, office_a, edit_data):
    service = ServicePage.objects.child_of(office_a).order_by("path").first()
    client.force_login(editor_a)
    data = edit_data(service, editor_a, duration="3 hari kerja")
    assert client.post(edit_url(service), data).status_code == 302
    revision = service.revisions.order_by("-created_at", "-pk").first()
    assert (revision.user, revision.content["duration"]) == (editor_a, "3 hari kerja")
    entry = PageLogEntry.objects.filter(page=service, action="wagtail.edit").latest("timestamp")
    assert entry.user == editor_a


# --- concurrent edits -----------------------------------------------------------


def test_a_locked_office_cannot_be_saved_by_another_editor(client, editor_a, second_editor_a, office_a, edit_data):
    client.force_login(editor_a)
    assert client.post(reverse("wagtailadmin_pages:lock", args=[office_a.pk])).status_code == 302
    office_a.refresh_from_db()
    assert office_a.locked_by == editor_a

    revisions = office_a.revisions.count()
    other = Client()
    other.force_login(second_editor_a)
    response = other.post(edit_url(office_a), edit_data(office_a, second_editor_a, summary="Tertimpa"))
    assert "could not be saved as it is locked" in messages(response)
    assert office_a.revisions.count() == revisions


def test_saving_over_a_newer_version_is_refused(client, editor_a, second_editor_a, office_a, edit_data):
    client.force_login(editor_a)
    editor = page(client, edit_url(office_a))
    loaded_revision = editor.select_one("input[name=loaded_revision_id]")["value"]
    loaded_at = editor.select_one("input[name=loaded_revision_created_at]")["value"]

    other = Client()
    other.force_login(second_editor_a)
    assert (
        other.post(edit_url(office_a), edit_data(office_a, second_editor_a, summary="Versi kedua")).status_code == 302
    )

    stale = edit_data(office_a, editor_a, summary="Versi pertama")
    stale.update(loaded_revision_id=loaded_revision, loaded_revision_created_at=loaded_at)
    response = client.post(edit_url(office_a), stale, headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    office_a.refresh_from_db()
    assert office_a.get_latest_revision_as_object().summary == "Versi kedua"


# --- what the public sees -------------------------------------------------------


def test_drafts_never_show_publicly(client, editor_a, office_a, edit_data):
    client.force_login(editor_a)
    data = edit_data(office_a, editor_a, summary="Ringkasan rahasia", **{"contacts-0-phone": NEW_PHONE})
    client.post(edit_url(office_a), data)
    status, html = public_html()
    assert status == 200
    assert "Ringkasan rahasia" not in html and NEW_PHONE not in html
    api = Client().get(OFFICE_API_URL).content.decode()
    assert "Ringkasan rahasia" not in api


def test_private_and_unpublished_services_never_show_publicly(office_a):
    private, unpublished = ServicePage.objects.child_of(office_a).order_by("path")[:2]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    unpublished.unpublish()
    status, html = public_html()
    assert private.title not in html and unpublished.title not in html
    assert Client().get(private.url).status_code == 302
    assert Client().get(unpublished.url).status_code == 404
    api = Client().get(OFFICE_API_URL).content.decode()
    assert private.stable_slug not in api and unpublished.stable_slug not in api


def test_the_english_translation_is_not_public_before_it_is_published(client, office_a):
    english = office_a.get_translation(Locale.objects.get(language_code="en"))
    english.unpublish()
    assert Client().get(f"/en/directory/{OFFICE_A}/").status_code == 404
