import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from announcements.models import AnnouncementCategory, AnnouncementPage
from directory.models import OfficePage
from tests.support.html import soup, visible_text

from .conftest import REGISTRY

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaksi", "redaksi@example.go.id", "rahasia-redaksi")
    client.force_login(user)
    return client


def notice_form(ends_on):
    source = Locale.get_default()
    return nested_form_data(
        {
            "title": "Loket tutup sementara",
            "slug": "loket-tutup-sementara",
            "date": "2026-01-05",
            "category": AnnouncementCategory.objects.get(code="service-notice", locale=source).pk,
            "notice_ends_on": ends_on,
            "lead": "Loket tutup sementara.",
            "featured_image_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>Mohon maaf.</p>"))]),
            "related_offices": inline_formset(
                [{"office": OfficePage.objects.get(stable_slug=REGISTRY, locale=source).pk}]
            ),
            "comments": inline_formset([]),
        }
    )


def add_url(site):
    return reverse("wagtailadmin_pages:add", args=("announcements", "announcementpage", site.index.pk))


def test_editors_cannot_save_a_service_notice_without_its_last_day(editor, site):
    response = editor.post(add_url(site), notice_form(ends_on=""))
    assert response.status_code == 200
    assert "Info layanan wajib memiliki hari terakhir berlakunya." in visible_text(soup(response).select_one("form"))
    assert not AnnouncementPage.objects.filter(slug="loket-tutup-sementara").exists()


def test_editors_create_a_service_notice_with_related_office(editor, site):
    response = editor.post(add_url(site), notice_form(ends_on="2026-01-31"))
    assert response.status_code == 302
    page = AnnouncementPage.objects.get(slug="loket-tutup-sementara")
    assert page.stable_slug == "loket-tutup-sementara"
    assert page.notice_ends_on.isoformat() == "2026-01-31"
    assert [link.office.stable_slug for link in page.related_offices.all()] == [REGISTRY]


def test_categories_are_editable_snippets(editor, site):
    response = editor.get(reverse("wagtailsnippets_announcements_announcementcategory:list"))
    assert "Info layanan" in visible_text(soup(response).select_one("table"))
