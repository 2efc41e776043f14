"""The news pages in the page cache: their filters are cached, renamed categories show at once."""

import pytest

from announcements import models
from announcements.models import AnnouncementCategory
from tests.core.cache.conftest import cache_backend, committed, is_served_from_cache, page_cache  # noqa: F401
from tests.support.html import page, visible_text

from .conftest import REGISTRY

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["category=agenda", "year=2024", "page=2", f"office={REGISTRY}&year=2024"])
def test_news_filters_and_pages_are_cached(client, site, query, monkeypatch):
    monkeypatch.setattr(models, "PAGE_SIZE", 2)
    client.get(f"/id/berita/?{query}")
    assert is_served_from_cache(client, f"/id/berita/?{query}")


@pytest.mark.parametrize("query", ["category=bukan", "year=1900", "page=99", "office=tidak-ada"])
def test_news_filters_the_page_ignores_are_never_stored(client, site, query, monkeypatch):
    monkeypatch.setattr(models, "PAGE_SIZE", 2)
    client.get(f"/id/berita/?{query}")
    assert not is_served_from_cache(client, f"/id/berita/?{query}")


def test_renaming_a_news_category_updates_cached_news_pages(client, site, committed):  # noqa: F811
    client.get("/id/berita/")
    category = AnnouncementCategory.objects.get(code="agenda", locale__language_code="id")
    with committed():
        category.name = "Agenda Kegiatan Daerah"
        category.save()
    assert "Agenda Kegiatan Daerah" in visible_text(page(client, "/id/berita/").select_one("main"))
