"""The page cache: fast for anonymous visitors, never stale after a change, never shared with editors."""

import datetime
import gzip

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core.models import RegencySettings
from directory.editorial import freshness
from directory.models import OfficePage, ServicePage
from tests.support import html

from .conftest import OFFICE, OFFICE_URL

pytestmark = pytest.mark.django_db

HEAD_OF_OFFICE = "head"


def office():
    return OfficePage.objects.get(stable_slug=OFFICE, locale__language_code="id")


def head_of_office_name():
    return office().contacts.get(level=HEAD_OF_OFFICE).name


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


def test_publishing_shows_the_new_content_at_once(client, committed):
    client.get(OFFICE_URL)
    page = office()
    page.summary = "Ringkasan baru yang baru saja diterbitkan."
    with committed():
        page.save_revision().publish()
    assert "Ringkasan baru yang baru saja diterbitkan." in html.visible_text(html.page(client, OFFICE_URL))


def test_a_draft_does_not_reach_the_public_page(client):
    page = office()
    page.summary = "Draf yang belum diterbitkan."
    page.save_revision()
    client.get(OFFICE_URL)
    assert "Draf yang belum diterbitkan." not in html.all_text(html.page(client, OFFICE_URL))


def test_unpublishing_a_service_removes_it_from_its_office_page_at_once(client, committed):
    service = ServicePage.objects.filter(locale__language_code="id").child_of(office())[0]
    assert service.url in html.hrefs(html.page(client, OFFICE_URL), "main a[href]")
    assert client.get(service.url).status_code == 200
    with committed():
        service.unpublish()
    assert service.url not in html.hrefs(html.page(client, OFFICE_URL))
    assert client.get(service.url).status_code == 404


def test_changing_the_call_centre_settings_updates_every_cached_footer(client, committed):
    client.get("/en/")
    regency = RegencySettings.load()
    regency.complaint_sms = "+62 800-1111-2222"
    with committed():
        regency.save()
    assert "0800-1111-2222" in html.visible_text(html.page(client, "/en/"))


def verified_on_shown(client):
    """The office page's "Data last verified on" date, as the <time> element gives it."""
    return html.page(client, OFFICE_URL).select_one(".data-verified time")["datetime"]


def test_confirming_a_contact_updates_the_cached_last_verified_date(client, committed):
    shown = verified_on_shown(client)  # now cached
    editor = get_user_model().objects.create_user("pemeriksa", password="x")
    # The page shows the oldest confirmation: confirming the contacts that date from it moves it.
    oldest = min(contact.last_verified for contact in office().contacts.all())
    confirmed_on = oldest + datetime.timedelta(days=1)
    with committed():
        for contact in office().contacts.filter(last_verified=oldest):
            freshness.verify_contact(contact, editor, today=confirmed_on)
    assert shown == oldest.isoformat()
    assert verified_on_shown(client) == confirmed_on.isoformat()


def test_the_cache_is_purged_only_once_the_change_is_committed(client, django_capture_on_commit_callbacks):
    client.get(OFFICE_URL)
    page = office()
    page.summary = "Ringkasan yang menunggu commit."
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page.save_revision().publish()
        # Not committed yet: a purge now would let a render in flight store the old page again.
        assert "Ringkasan yang menunggu commit." not in html.all_text(html.page(client, OFFICE_URL))
    for callback in callbacks:
        callback()
    assert "Ringkasan yang menunggu commit." in html.visible_text(html.page(client, OFFICE_URL))


def test_a_render_in_flight_during_a_purge_is_not_served_after_it(client, committed, monkeypatch):
    page = office()
    original_serve = OfficePage.serve

    def serve_then_publish(self, request, *args, **kwargs):
        response = original_serve(self, request, *args, **kwargs)
        response.render()  # the old content, rendered before the editor's publish commits
        monkeypatch.setattr(OfficePage, "serve", original_serve)
        page.summary = "Diterbitkan saat halaman lama sedang dibuat."
        with committed():
            page.save_revision().publish()
        return response

    monkeypatch.setattr(OfficePage, "serve", serve_then_publish)
    assert "Diterbitkan saat halaman lama sedang dibuat." not in html.all_text(html.page(client, OFFICE_URL))
    assert "Diterbitkan saat halaman lama sedang dibuat." in html.visible_text(html.page(client, OFFICE_URL))


def test_a_page_unpublished_while_it_renders_is_not_served_after_it(client, committed, monkeypatch):
    service = ServicePage.objects.filter(locale__language_code="id").child_of(office())[0]
    original_serve = ServicePage.serve

    def serve_then_unpublish(self, request, *args, **kwargs):
        response = original_serve(self, request, *args, **kwargs)
        response.render()
        monkeypatch.setattr(ServicePage, "serve", original_serve)
        with committed():
            service.unpublish()
        return response

    monkeypatch.setattr(ServicePage, "serve", serve_then_unpublish)
    assert client.get(service.url).status_code == 200
    assert client.get(service.url).status_code == 404


def test_a_password_on_an_office_hides_its_cached_contacts(client, committed):
    assert head_of_office_name() in html.visible_text(html.page(client, OFFICE_URL))
    with committed():
        PageViewRestriction.objects.create(
            page=office(), restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
        )
    response = html.soup(client.get(OFFICE_URL))
    assert head_of_office_name() not in html.all_text(response)
    assert response.select("form input[name=password]")
    assert head_of_office_name() not in html.all_text(html.page(client, OFFICE_URL))


def test_a_password_on_an_office_hides_its_cached_services_too(client, committed):
    service = ServicePage.objects.filter(locale__language_code="id").child_of(office())[0]
    assert client.get(service.url).status_code == 200
    with committed():
        PageViewRestriction.objects.create(
            page=office(), restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
        )
    assert service.title not in html.all_text(html.page(client, service.url))


def test_a_group_restriction_sends_anonymous_visitors_to_the_login(client, committed):
    client.get(OFFICE_URL)
    with committed():
        restriction = PageViewRestriction.objects.create(page=office(), restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(Group.objects.get_or_create(name="Pegawai")[0])
    response = client.get(OFFICE_URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_changing_a_login_restriction_to_a_password_keeps_the_page_hidden(client, committed):
    with committed():
        restriction = PageViewRestriction.objects.create(page=office(), restriction_type=PageViewRestriction.LOGIN)
    assert client.get(OFFICE_URL).status_code == 302
    with committed():
        restriction.restriction_type = PageViewRestriction.PASSWORD
        restriction.password = "rahasia"
        restriction.save()
    response = client.get(OFFICE_URL)
    assert head_of_office_name() not in html.all_text(html.soup(response))


def test_removing_a_restriction_shows_the_page_again(client, committed):
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=office(), restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
        )
    assert head_of_office_name() not in html.all_text(html.page(client, OFFICE_URL))
    with committed():
        restriction.delete()
    assert head_of_office_name() in html.visible_text(html.page(client, OFFICE_URL))


def test_a_page_cached_yesterday_is_rendered_again_today(client, monkeypatch):
    client.get(OFFICE_URL)
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    # Service-notice banners end at midnight without any publish.
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: tomorrow)
    _response, queries = queries_for(client, OFFICE_URL)
    assert queries > 0


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
