"""A private announcement leaves both languages' feeds, and a private office the news pages."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories.announcements import AnnouncementPageFactory
from tests.factories.directory import OfficePageFactory, translate

pytestmark = pytest.mark.django_db


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def test_an_announcement_private_in_english_leaves_both_feeds(client):
    announcement = AnnouncementPageFactory(title="Pengumuman rahasia internal", slug="pengumuman-rahasia")
    english = translate(announcement, {"title": "Internal secret notice", "slug": "internal-secret-notice"})
    feeds = {"/id/berita/feed/": "pengumuman-rahasia", "/en/news/feed/": "internal-secret-notice"}
    for url, slug in feeds.items():
        assert slug in client.get(url).content.decode(), url

    make_private(english)
    for url, slug in feeds.items():
        assert slug not in client.get(url).content.decode(), url
    assert client.get(announcement.url).status_code == 302


def test_a_private_office_is_no_longer_named_on_its_news(client):
    office = OfficePageFactory(title="Dinas Berita Tertutup", slug="dinas-berita-tertutup")
    announcement = AnnouncementPageFactory(offices=[office])
    assert "Dinas Berita Tertutup" in client.get(announcement.url).content.decode()

    make_private(office)
    assert "Dinas Berita Tertutup" not in client.get(announcement.url).content.decode()
    assert "Dinas Berita Tertutup" not in client.get(announcement.get_parent().url).content.decode()
