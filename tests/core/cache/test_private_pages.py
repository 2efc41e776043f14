"""A page cached before its office was made private is not served after, in either language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories.directory import ContactPersonFactory, OfficePageFactory, locale, translate

pytestmark = pytest.mark.django_db

NAME = "Sutrisno Tersimpan"


@pytest.fixture
def office():
    office = OfficePageFactory(slug="dinas-tersimpan")
    ContactPersonFactory(office=office, key="tersimpan-kadis", name=NAME)
    translate(office, {"slug": "stored-department"})
    return office


def cached_urls(office):
    english = office.get_translation(locale("en"))
    return [office.url, english.url, f"{english.url}poster/", "/en/vcard/tersimpan-kadis.vcf"]


def served_from_cache(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code == 200 and NAME.encode() in response.content and not queries


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_pages_cached_before_the_restriction_are_not_served_after(client, office, committed, restriction_type):
    for url in cached_urls(office):
        client.get(url)
        assert served_from_cache(client, url), url

    with committed():
        restriction = PageViewRestriction(page=office, restriction_type=restriction_type, password="rahasia")
        restriction.save()
    for url in cached_urls(office):
        response = client.get(url)
        assert response.status_code in (200, 302, 404), url
        assert NAME.encode() not in response.content, url
        assert response.status_code != 200 or b'name="password"' in response.content, url

    with committed():
        restriction.delete()
    for url in cached_urls(office):
        assert NAME.encode() in client.get(url).content, url
