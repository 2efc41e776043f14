"""English follows Indonesian on every publish path, with no manual *Sync translated pages*."""

import datetime
import re
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from directory.models import ContactPerson, OfficePage, ServiceOfficer, ServicePage
from tests.support.html import hrefs, page

from .conftest import OFFICE_A

pytestmark = pytest.mark.django_db

NEW_PHONE = "+62 333 777 1234"
NEW_CONTACT = {
    "name": "Sri Wahyuningsih",
    "level": "technical",
    "position": "Petugas layanan akta kematian",
    "field_of_work": "Pencatatan sipil",
    "handles": "Akta kematian dan surat keterangan kematian",
    "phone": "+62 333 777 5678",
    "whatsapp": "",
    "email": "",
    "last_verified": "2026-11-01",
    "key": "",
}
ENGLISH_OFFICE_URL = f"/en/directory/{OFFICE_A}/"


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def digits(text):
    return re.sub(r"\D", "", text)


def contacts_of(data):
    """The contact forms of posted data, as ``{position: {field: value}}``."""
    forms = {}
    for name, value in data.items():
        match = re.fullmatch(r"contacts-(\d+)-(.+)", name)
        if match:
            forms.setdefault(int(match[1]), {})[match[2]] = value
    return forms


def change_contacts(data, *, phone_of_first, removed_position, added):
    """Edit posted office data as an editor does: one phone changed, one contact deleted, one added."""
    forms = contacts_of(data)
    data["contacts-0-phone"] = phone_of_first
    data[f"contacts-{removed_position}-DELETE"] = "on"
    new = len(forms)
    for field_name, value in added.items():
        data[f"contacts-{new}-{field_name}"] = value
    data[f"contacts-{new}-ORDER"] = str(new + 1)
    data[f"contacts-{new}-id"] = ""
    data["contacts-TOTAL_FORMS"] = str(new + 1)
    return data


@pytest.fixture
def admin_user(roles, django_user_model):
    return django_user_model.objects.create_superuser("admin-test", password="unused-in-tests")


@pytest.fixture
def office_edit(office_a, edit_data):
    """Posted data of the office form with the three changes, and the contact it removes."""

    def build(user, action):
        removed = office_a.contacts.order_by("sort_order")[2]
        data = edit_data(office_a, user, **{action: action})
        change_contacts(data, phone_of_first=NEW_PHONE, removed_position=2, added=NEW_CONTACT)
        return data, removed

    return build


def english_contact_cards(client):
    response = client.get(ENGLISH_OFFICE_URL)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {card["id"].removeprefix("contact-"): card for card in soup.select("[id^=contact-]")}


def assert_english_follows(removed_key, removed_name):
    client = Client()
    first = ContactPerson.objects.get(office__stable_slug=OFFICE_A, locale__language_code="id", phone=NEW_PHONE)
    new_key = ContactPerson.objects.get(locale__language_code="id", name=NEW_CONTACT["name"]).key

    cards = english_contact_cards(client)
    assert digits(cards[first.key].select_one('a[href^="tel:"]')["href"]) == digits(NEW_PHONE)
    assert new_key in cards
    assert removed_key not in cards

    office = client.get(f"/api/directory/offices/{OFFICE_A}/?lang=en").json()
    assert office["language"] == "en"
    contacts = {contact["key"]: contact for contact in office["contacts"]}
    assert contacts[first.key]["phone"] == NEW_PHONE
    assert contacts[new_key]["name"] == NEW_CONTACT["name"]
    assert removed_key not in contacts

    found = client.get("/api/search/", {"q": NEW_CONTACT["name"], "lang": "en", "type": "contact"}).json()
    assert new_key in [hit["id"] for hit in found["results"]]
    assert all(hit["url"].startswith("http://testserver/en/") for hit in found["results"])
    gone = client.get("/api/search/", {"q": removed_name, "lang": "en", "type": "contact"}).json()
    assert removed_key not in [hit["id"] for hit in gone["results"]]


def test_publishing_in_indonesian_updates_the_english_page_api_and_search(client, admin_user, office_edit):
    data, removed = office_edit(admin_user, "action-publish")
    client.force_login(admin_user)
    response = client.post(edit_url(removed.office), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert_english_follows(removed.key, removed.name)


def test_an_approved_change_updates_the_english_page_api_and_search(
    client, editor_a, communications_member, office_edit
):
    data, removed = office_edit(editor_a, "action-submit")
    office = removed.office
    client.force_login(editor_a)
    assert client.post(edit_url(office), data).status_code == 302
    office.refresh_from_db()
    english_before = english_contact_cards(Client())
    assert removed.key in english_before

    task_state = office.current_workflow_state.current_task_state
    client.force_login(communications_member)
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[office.pk, "approve", task_state.pk])
    assert client.post(approve_url, {"comment": ""}).status_code == 302
    assert_english_follows(removed.key, removed.name)


def test_english_keeps_its_translations_of_unchanged_text(client, admin_user, office_a, edit_data):
    english = OfficePage.objects.get(translation_key=office_a.translation_key, locale__language_code="en")
    english_summary = english.summary
    assert english_summary and english_summary != office_a.summary
    client.force_login(admin_user)
    data = edit_data(office_a, admin_user, **{"contacts-0-phone": NEW_PHONE, "action-publish": "action-publish"})
    assert client.post(edit_url(office_a), data).status_code == 302
    english.refresh_from_db()
    assert english.summary == english_summary
    assert english.title != office_a.title


def test_english_contacts_follow_the_indonesian_order(client, admin_user, office_a, edit_data):
    """Contacts of one level are listed in the editor's order, in English too."""
    technical = list(office_a.contacts.filter(level="technical").order_by("sort_order"))
    assert len(technical) >= 2
    first, last = technical[0], technical[-1]
    client.force_login(admin_user)
    data = edit_data(office_a, admin_user, **{"action-publish": "action-publish"})
    position_of = {int(value): number for number, value in ((n, f["id"]) for n, f in contacts_of(data).items())}
    a, b = position_of[first.pk], position_of[last.pk]
    data[f"contacts-{a}-ORDER"], data[f"contacts-{b}-ORDER"] = data[f"contacts-{b}-ORDER"], data[f"contacts-{a}-ORDER"]
    assert client.post(edit_url(office_a), data).status_code == 302

    shown = list(english_contact_cards(Client()))
    assert shown.index(last.key) < shown.index(first.key)


def english_office():
    return OfficePage.objects.get(stable_slug=OFFICE_A, locale__language_code="en")


def test_a_scheduled_change_reaches_english_when_publish_scheduled_runs(office_a):
    go_live_at = timezone.now() + datetime.timedelta(hours=2)
    draft = office_a.get_latest_revision_as_object()
    draft.phone = NEW_PHONE
    draft.go_live_at = go_live_at
    draft.save_revision().publish()
    assert english_office().phone != NEW_PHONE

    with mock.patch("django.utils.timezone.now", return_value=go_live_at + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
    document = page(Client(), ENGLISH_OFFICE_URL)
    assert english_office().phone == NEW_PHONE
    assert f"tel:{digits_with_plus(NEW_PHONE)}" in hrefs(document)


def digits_with_plus(number):
    return "+" + digits(number)


def test_the_cached_english_page_is_replaced_at_once(settings, office_a, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_TIMEOUT = 600
    cache = caches[settings.PAGE_CACHE_ALIAS]
    cache.clear()
    try:
        visitor = Client()
        assert f"tel:{digits_with_plus(NEW_PHONE)}" not in hrefs(page(visitor, ENGLISH_OFFICE_URL))
        draft = office_a.get_latest_revision_as_object()
        draft.phone = NEW_PHONE
        with django_capture_on_commit_callbacks(execute=True):  # the cache is purged once the publish commits
            draft.save_revision().publish()
        assert f"tel:{digits_with_plus(NEW_PHONE)}" in hrefs(page(visitor, ENGLISH_OFFICE_URL))
    finally:
        cache.clear()


def test_a_service_follows_too(office_a):
    service = ServicePage.objects.child_of(office_a).live().first().specific
    officer = office_a.contacts.exclude(pk__in=service.responsible_officers.values("contact")).first()
    draft = service.get_latest_revision_as_object()
    draft.responsible_officers.add(ServiceOfficer(contact=officer))
    draft.save_revision().publish()
    english = service.get_translation(Locale.objects.get(language_code="en"))
    response = Client().get(english.url)
    soup = BeautifulSoup(response.content, "html.parser")
    assert officer.name in soup.get_text()


def test_a_page_whose_english_sync_was_stopped_is_left_alone(office_a):
    source = TranslationSource.objects.get_for_instance(office_a)
    source.translations.update(enabled=False)
    draft = office_a.get_latest_revision_as_object()
    draft.phone = NEW_PHONE
    draft.save_revision().publish()
    assert english_office().phone != NEW_PHONE
