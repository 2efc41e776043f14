"""Keeping contact data fresh: the report, the one-click confirmation, the dashboard and the public date."""

import datetime
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, PageLogEntry

from directory.editorial.freshness import VERIFY_ACTION
from directory.models import ContactPerson, ServiceOfficer, ServicePage
from tests.support.html import page, visible_text

from .conftest import OFFICE_A

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/contact-data/"


def today():
    return timezone.localdate()


def days_ago(days):
    return today() - datetime.timedelta(days=days)


def versions_of(contact):
    return ContactPerson.objects.filter(translation_key=contact.translation_key)


def make_stale(contact, days=120):
    versions_of(contact).update(last_verified=days_ago(days))
    return contact


@pytest.fixture
def stale_contact_a(office_a):
    return make_stale(office_a.contacts.order_by("sort_order").first())


@pytest.fixture
def stale_contact_b(office_b):
    return make_stale(office_b.contacts.order_by("sort_order").first())


def report_table(document, problem):
    """The visible text of the report's table of ``problem``."""
    return visible_text(document.select_one(f'[data-problem="{problem}"]'))


def report_text(client, **query):
    return visible_text(page(client, REPORT_URL + ("?" + urlencode(query) if query else "")).select_one("main"))


def admin_menu(client):
    """The admin's menu as the sidebar receives it (JSON, rendered by the browser)."""
    return page(client, reverse("wagtailadmin_home")).select_one("#wagtail-sidebar-props").string


def verify_forms(node):
    return [form["action"] for form in node.select("form[action]")]


def verify_url(contact):
    return reverse("directory_verify_contact", args=[contact.pk])


# --- the report -----------------------------------------------------------------


def test_report_lists_an_office_editors_stale_contacts_only(client, editor_a, stale_contact_a, stale_contact_b):
    client.force_login(editor_a)
    report = page(client, REPORT_URL).select_one("main")
    assert stale_contact_a.name in visible_text(report)
    assert verify_url(stale_contact_a) in verify_forms(report)
    assert stale_contact_b.name not in visible_text(report)


def test_the_communications_team_sees_every_office_and_filters_by_office(
    client, communications_member, stale_contact_a, stale_contact_b, office_b
):
    client.force_login(communications_member)
    everything = report_text(client)
    assert stale_contact_a.name in everything and stale_contact_b.name in everything
    only_b = report_text(client, office=office_b.pk)
    assert stale_contact_b.name in only_b and stale_contact_a.name not in only_b


def test_the_stale_period_is_a_setting(client, settings, editor_a, stale_contact_a):
    settings.DIRECTORY_STALE_AFTER_DAYS = 200
    client.force_login(editor_a)
    assert stale_contact_a.name not in report_text(client)


def test_contacts_without_phone_or_whatsapp_and_services_without_officer_are_flagged(client, editor_a, office_a):
    unreachable = office_a.contacts.order_by("sort_order").last()
    ContactPerson.objects.filter(pk=unreachable.pk).update(phone="", whatsapp="")
    service = ServicePage.objects.child_of(office_a).order_by("path").first()
    ServiceOfficer.objects.filter(page=service).delete()
    client.force_login(editor_a)
    report = page(client, REPORT_URL)
    assert unreachable.name in report_table(report, "unreachable")
    assert service.title in report_table(report, "no-officer")


def test_the_report_is_refused_to_users_without_an_office(client):
    user = get_user_model().objects.create_user("tamu")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(REPORT_URL)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert "Contact data to check" not in admin_menu(client)


def test_the_report_is_in_the_reports_menu_of_office_editors(client, editor_a):
    client.force_login(editor_a)
    assert REPORT_URL in admin_menu(client)


# --- confirming a contact -------------------------------------------------------


def test_confirming_a_contact_updates_both_languages_and_the_history(client, editor_a, stale_contact_a, office_a):
    revisions = office_a.revisions.count()
    client.force_login(editor_a)
    response = client.post(verify_url(stale_contact_a), {"next": REPORT_URL})
    assert response.status_code == 302 and response["Location"] == REPORT_URL

    versions = versions_of(stale_contact_a).select_related("locale")
    assert {version.locale.language_code for version in versions} == {"id", "en"}
    assert {version.last_verified for version in versions} == {today()}
    assert office_a.revisions.count() == revisions

    entries = PageLogEntry.objects.filter(action=VERIFY_ACTION, user=editor_a)
    english_office = office_a.get_translation(Locale.objects.get(language_code="en"))
    assert set(entries.values_list("page_id", flat=True)) == {office_a.pk, english_office.pk}
    entry = entries.get(page=office_a)
    assert entry.data["contact"]["key"] == stale_contact_a.key
    assert entry.data["previously_verified_on"] == days_ago(120).isoformat()

    history = visible_text(page(client, reverse("wagtailadmin_pages:history", args=[office_a.pk])).select_one("main"))
    with translation.override("id"):  # the admin's language for a user without a preference
        assert entry.message in history
    assert stale_contact_a.name in entry.message


def test_confirming_needs_a_post_with_a_csrf_token(editor_a, stale_contact_a):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor_a)
    assert browser.get(verify_url(stale_contact_a)).status_code == 405
    assert browser.post(verify_url(stale_contact_a)).status_code == 403
    assert versions_of(stale_contact_a).filter(last_verified=today()).count() == 0


def test_another_offices_editor_cannot_confirm(client, editor_b, stale_contact_a):
    client.force_login(editor_b)
    response = client.post(verify_url(stale_contact_a))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not versions_of(stale_contact_a).filter(last_verified=today()).exists()


def test_a_draft_made_before_a_confirmation_does_not_undo_it(
    client, editor_a, communications_member, stale_contact_a, office_a, edit_data
):
    client.force_login(editor_a)
    data = edit_data(
        office_a,
        editor_a,
        summary="Ringkasan baru",
        **{"contacts-0-last_verified": days_ago(120).isoformat(), "action-submit": "action-submit"},
    )
    assert client.post(reverse("wagtailadmin_pages:edit", args=[office_a.pk]), data).status_code == 302
    client.post(verify_url(stale_contact_a))

    office_a.refresh_from_db()
    task_state = office_a.current_workflow_state.current_task_state
    client.force_login(communications_member)
    client.post(reverse("wagtailadmin_pages:workflow_action", args=[office_a.pk, "approve", task_state.pk]))
    office_a.refresh_from_db()
    assert office_a.summary == "Ringkasan baru"
    assert ContactPerson.objects.get(pk=stale_contact_a.pk).last_verified == today()


# --- dashboard and public pages -------------------------------------------------


def test_office_editors_see_their_stale_contacts_on_the_dashboard(client, editor_a, stale_contact_a, stale_contact_b):
    client.force_login(editor_a)
    panel = page(client, reverse("wagtailadmin_home")).select_one("#stale-contacts-section")
    assert stale_contact_a.name in visible_text(panel) and stale_contact_b.name not in visible_text(panel)
    assert verify_url(stale_contact_a) in verify_forms(panel)


def test_the_dashboard_panel_is_absent_when_everything_is_fresh(client, editor_a):
    client.force_login(editor_a)
    assert not page(client, reverse("wagtailadmin_home")).select("#stale-contacts-section")


@pytest.mark.parametrize(
    ("url", "label"),
    [(f"/id/direktori/{OFFICE_A}/", "Data terakhir diverifikasi"), (f"/en/directory/{OFFICE_A}/", "Data last")],
)
def test_office_pages_show_when_their_data_was_last_verified(office_a, url, label):
    contacts = ContactPerson.objects.filter(office__translation_key=office_a.translation_key)
    contacts.update(last_verified=days_ago(10))
    oldest = office_a.contacts.order_by("sort_order").last()
    versions_of(oldest).update(last_verified=days_ago(30))
    line = page(Client(), url).select_one("p.data-verified")
    assert visible_text(line).startswith(label)
    assert line.select_one("time")["datetime"] == days_ago(30).isoformat()
