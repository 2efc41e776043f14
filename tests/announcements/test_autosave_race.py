"""Publish clicked while autosave runs: one page, published, with every word typed; never a 500."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from announcements.models import AnnouncementPage
from tests.support.html import soup, visible_text

from .test_admin import add_url, notice_form

pytestmark = pytest.mark.django_db

SLUG = "loket-tutup-sementara"
TYPED_LAST = "Loket tutup sementara karena pemadaman listrik; layanan dialihkan ke kantor kecamatan."


@pytest.fixture
def editor_browser(django_user_model):
    """A logged-in editor's browser: autosave asks for JSON, a click on Publish for HTML."""
    user = django_user_model.objects.create_superuser("redaksi", "redaksi@example.go.id", "rahasia-redaksi")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def autosave(editor_browser, site, data):
    return editor_browser.post(add_url(site), data, headers={"Accept": "application/json"})


def publish(editor_browser, site, data):
    return editor_browser.post(add_url(site), {**data, "action-publish": "action-publish"})


def test_publish_posted_before_autosave_answered_publishes_the_autosaved_page(editor_browser, site):
    typed = notice_form(ends_on="2026-01-31")
    saved = autosave(editor_browser, site, typed)
    assert saved.status_code == 200 and saved.json()["success"]

    # The editor_browser had not turned the create form into the edit form yet: Publish posts to the create view.
    response = publish(editor_browser, site, {**typed, "lead": TYPED_LAST})
    assert response.status_code == 302

    pages = AnnouncementPage.objects.filter(slug=SLUG)
    assert pages.count() == 1
    page = pages.get()
    assert page.live
    public = Client().get(page.url)
    assert public.status_code == 200
    assert TYPED_LAST in BeautifulSoup(public.content, "html.parser").get_text()


def test_a_second_autosave_before_the_first_answered_saves_to_the_same_page(editor_browser, site):
    typed = notice_form(ends_on="2026-01-31")
    first = autosave(editor_browser, site, typed)
    second = autosave(editor_browser, site, {**typed, "lead": TYPED_LAST})
    assert first.status_code == second.status_code == 200
    assert second.json()["success"]
    page = AnnouncementPage.objects.get(slug=SLUG)
    assert page.get_latest_revision_as_object().lead == TYPED_LAST


def test_autosave_arriving_after_publish_does_not_create_a_second_page(editor_browser, site):
    typed = notice_form(ends_on="2026-01-31")
    assert publish(editor_browser, site, typed).status_code == 302
    late = autosave(editor_browser, site, typed)
    assert late.status_code == 400
    assert late.json()["success"] is False
    assert AnnouncementPage.objects.filter(slug=SLUG).count() == 1
    assert AnnouncementPage.objects.get(slug=SLUG).live


def test_another_users_draft_with_the_same_slug_is_not_taken_over(editor_browser, site, django_user_model):
    other = django_user_model.objects.create_superuser("lain", "lain@example.go.id", "rahasia-lain")
    colleague = Client()
    colleague.force_login(other)
    typed = notice_form(ends_on="2026-01-31")
    assert autosave(colleague, site, typed).status_code == 200

    response = publish(editor_browser, site, {**typed, "lead": TYPED_LAST})
    assert response.status_code == 200
    assert "already in use" in visible_text(soup(response).select_one("form"))
    page = AnnouncementPage.objects.get(slug=SLUG)
    assert not page.live and page.owner == other
