"""The page cache: fast for anonymous visitors, never stale after a publish, never shared with editors."""

import gzip

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import OfficePage, ServicePage
from melayani.models import RegencySettings

pytestmark = pytest.mark.django_db

OFFICE_URL = "/id/direktori/dispendukcapil/"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_TIMEOUT = 600
    cache = caches[settings.PAGE_CACHE_ALIAS]
    cache.clear()
    yield cache
    cache.clear()


def queries_for(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


def test_a_cached_page_is_served_without_touching_the_database(client):
    first, first_queries = queries_for(client, OFFICE_URL)
    second, second_queries = queries_for(client, OFFICE_URL)
    assert first.status_code == second.status_code == 200
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content


def test_anonymous_pages_may_be_kept_briefly_by_browsers_and_revalidated_by_etag(client):
    response = client.get(OFFICE_URL)
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    assert response["ETag"]
    for _attempt in ("fresh", "cached"):
        revalidated = client.get(OFFICE_URL, headers={"If-None-Match": response["ETag"]})
        assert revalidated.status_code == 304
        assert revalidated.content == b""


def test_pages_are_compressed_once_and_kept_per_encoding(client):
    compressed, _queries = queries_for(client, OFFICE_URL, accept_encoding="gzip, deflate")
    plain, _queries = queries_for(client, OFFICE_URL)
    cached, cached_queries = queries_for(client, OFFICE_URL, accept_encoding="gzip")
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert not plain.has_header("Content-Encoding")
    assert gzip.decompress(compressed.content) == plain.content
    assert cached_queries == 0 and cached.content == compressed.content


def test_publishing_shows_the_new_content_at_once(client):
    client.get(OFFICE_URL)
    office = OfficePage.objects.get(stable_slug="dispendukcapil", locale__language_code="id")
    office.summary = "Ringkasan baru yang baru saja diterbitkan."
    office.save_revision().publish()
    assert "Ringkasan baru yang baru saja diterbitkan." in client.get(OFFICE_URL).content.decode()


def test_a_draft_does_not_reach_the_public_page(client):
    office = OfficePage.objects.get(stable_slug="dispendukcapil", locale__language_code="id")
    office.summary = "Draf yang belum diterbitkan."
    office.save_revision()
    client.get(OFFICE_URL)
    assert "Draf yang belum diterbitkan." not in client.get(OFFICE_URL).content.decode()


def test_unpublishing_a_service_removes_it_from_its_office_page_at_once(client):
    service = ServicePage.objects.filter(locale__language_code="id").child_of(
        OfficePage.objects.get(stable_slug="dispendukcapil", locale__language_code="id")
    )[0]
    assert service.url in client.get(OFFICE_URL).content.decode()
    assert client.get(service.url).status_code == 200
    service.unpublish()
    assert service.url not in client.get(OFFICE_URL).content.decode()
    assert client.get(service.url).status_code == 404


def test_changing_the_call_centre_settings_updates_every_cached_footer(client):
    client.get("/en/")
    regency = RegencySettings.load()
    regency.complaint_sms = "+62 800-1111-2222"
    regency.save()
    assert "0800-1111-2222" in client.get("/en/").content.decode()


def test_logged_in_users_get_fresh_private_pages(client):
    client.get(OFFICE_URL)  # cached for anonymous visitors
    user = get_user_model().objects.create_user("editor", password="x")
    client.force_login(user)
    response, queries = queries_for(client, OFFICE_URL)
    assert queries > 0
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]


def test_search_results_are_not_cached_so_each_search_is_logged(client):
    url = "/id/search/?q=ktp+hilang"
    client.get(url)
    response, queries = queries_for(client, url)
    assert response.status_code == 200
    assert queries > 0
    assert "public" not in response.get("Cache-Control", "")


def test_missing_pages_are_not_cached(client, page_cache):
    client.get("/id/tidak-ada/")
    _response, queries = queries_for(client, "/id/tidak-ada/")
    assert queries > 0


def test_the_admin_is_never_cached(client):
    response = client.get("/admin/login/")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_search(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /id/search/" in text and "Disallow: /en/search/" in text
    assert "Disallow: /admin/" in text
    assert "Disallow: /id/\n" not in text


def test_static_files_are_fingerprinted_compressed_and_cached_for_a_year(settings, tmp_path):
    from django.core.management import call_command
    from django.http import HttpResponse
    from django.test import RequestFactory
    from whitenoise.middleware import WhiteNoiseMiddleware

    settings.STATIC_ROOT = tmp_path
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    fingerprinted = next((tmp_path / "css").glob("site.*.css"))
    assert (tmp_path / "css" / f"{fingerprinted.name}.gz").exists()

    whitenoise = WhiteNoiseMiddleware(lambda request: HttpResponse(status=404))
    request = RequestFactory().get(f"/static/css/{fingerprinted.name}", headers={"accept-encoding": "gzip"})
    response = whitenoise(request)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"] and "max-age=315360000" in response["Cache-Control"]
