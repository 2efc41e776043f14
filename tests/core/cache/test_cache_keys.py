"""Made-up query strings and cookies: they neither evict real pages nor get past the cache."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support import html

from .conftest import OFFICE_URL

pytestmark = pytest.mark.django_db

DIRECTORY_URL = "/id/direktori/"


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def is_served_from_cache(client, url):
    response, queries = queries_for(client, url)
    assert response.status_code == 200, url
    return queries == 0


def test_made_up_parameters_are_answered_from_the_cached_page(client):
    client.get(OFFICE_URL)
    for number in range(30):
        assert is_served_from_cache(client, f"{OFFICE_URL}?x={number}")
    assert is_served_from_cache(client, OFFICE_URL)


def test_made_up_urls_do_not_evict_real_pages(client):
    client.get(OFFICE_URL)
    # More made-up URLs than the local test cache holds entries (20): storing them would evict.
    for number in range(30):
        assert client.get(f"{DIRECTORY_URL}?utm_source={number}").status_code == 200
    assert is_served_from_cache(client, OFFICE_URL)


def test_a_page_asked_with_a_made_up_parameter_is_not_stored_for_everyone(client):
    response = client.get(f"{OFFICE_URL}?utm_source=spam")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")
    assert not is_served_from_cache(client, OFFICE_URL)
    assert not [href for href in html.hrefs(html.page(client, OFFICE_URL)) if "utm_source" in href]


def test_a_filter_the_page_understands_is_cached_separately(client):
    dinas = html.texts(html.page(client, f"{DIRECTORY_URL}?kind=dinas"), ".office-list .office-link__title")
    assert is_served_from_cache(client, f"{DIRECTORY_URL}?kind=dinas")
    assert html.texts(html.page(client, f"{DIRECTORY_URL}?kind=kecamatan"), ".office-list .office-link__title") != dinas
    assert is_served_from_cache(client, f"{DIRECTORY_URL}?kind=kecamatan")


def test_a_made_up_value_of_a_filter_is_never_stored(client):
    for _attempt in range(2):
        assert not is_served_from_cache(client, f"{DIRECTORY_URL}?kind=bukan-jenis")


def test_a_repeated_filter_is_never_stored(client):
    for _attempt in range(2):
        assert not is_served_from_cache(client, f"{DIRECTORY_URL}?kind=dinas&kind=badan")


def test_the_order_of_understood_parameters_does_not_matter(client):
    client.get(f"{DIRECTORY_URL}?kind=dinas")
    assert is_served_from_cache(client, f"{DIRECTORY_URL}?kind=dinas&utm_medium=wa")


def test_a_made_up_session_cookie_is_answered_from_the_cache(client):
    client.get(OFFICE_URL)
    client.cookies["sessionid"] = "madeupmadeupmadeupmadeupmadeup12"
    response, queries = queries_for(client, OFFICE_URL)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    # One look-up in the session store, no render.
    assert queries <= 1


def test_a_made_up_session_cookie_does_not_keep_a_page_out_of_the_cache(client):
    client.cookies["sessionid"] = "madeupmadeupmadeupmadeupmadeup12"
    client.get(OFFICE_URL)
    client.cookies.pop("sessionid")
    assert is_served_from_cache(client, OFFICE_URL)


def test_a_real_session_skips_the_cache(client):
    client.get(OFFICE_URL)
    client.force_login(get_user_model().objects.create_user("petugas", password="x"))
    response, queries = queries_for(client, OFFICE_URL)
    assert queries > 1
    assert "private" in response["Cache-Control"]
