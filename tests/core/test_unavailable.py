"""The safety net: a database locked or down answers 503 with Retry-After, as JSON under /api/, never a 500."""

from unittest import mock

import pytest
from django.db import IntegrityError, InterfaceError, OperationalError
from django.test import Client

from tests.support.html import soup, visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]

LOCKED = OperationalError("database is locked")


def assert_retry_later(response):
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]


@pytest.fixture
def search_refused():
    with mock.patch("search.site_search.search", side_effect=LOCKED):
        yield


def test_a_page_whose_view_meets_a_locked_database_answers_503(client, search_refused):
    response = client.get("/en/search/", {"q": "ktp"})
    assert_retry_later(response)
    page = soup(response, 503)
    assert page.html["lang"] == "en"
    assert "try again in a minute" in visible_text(page.select_one("main"))


def test_the_json_api_answers_a_json_503_in_its_error_shape(client, search_refused):
    response = client.get("/api/search/", {"q": "ktp"})
    assert_retry_later(response)
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == 503
    assert "Retry-After" in response.json()["error"]


def test_a_connection_gone_away_is_answered_alike(client):
    with mock.patch("search.site_search.search", side_effect=InterfaceError("connection already closed")):
        assert_retry_later(client.get("/api/search/", {"q": "ktp"}))


def test_a_form_sent_to_any_other_view_comes_back_ready_to_send_again_without_secrets(client):
    sent = {"username": "editor", "password": "rahasia-sekali", "note": "Teks yang panjang sekali"}
    with mock.patch("django.contrib.auth.backends.ModelBackend.authenticate", side_effect=LOCKED):
        response = client.post("/admin/login/?next=/admin/pages/", sent)
    assert_retry_later(response)
    form = soup(response, 503).select_one("main form[method=post]")
    assert form["action"] == "/admin/login/?next=/admin/pages/"
    assert {field["name"]: field["value"] for field in form.select("input[type=hidden]")} == {
        "username": "editor",
        "note": "Teks yang panjang sekali",
    }
    assert form.select_one("textarea").get_text() == "Teks yang panjang sekali"
    assert "rahasia-sekali" not in response.content.decode()


def test_a_locked_database_met_outside_a_view_is_a_503_too():
    client = Client(raise_request_exception=False)
    # The redirect middleware looks up every unknown address after the view answered 404.
    with mock.patch("wagtail.contrib.redirects.middleware.get_redirect", side_effect=LOCKED):
        response = client.get("/id/no-such-page/")
    assert_retry_later(response)


def test_a_database_error_that_is_a_bug_stays_a_server_error():
    client = Client(raise_request_exception=False)
    with mock.patch("wagtail.contrib.redirects.middleware.get_redirect", side_effect=IntegrityError("duplicate")):
        assert client.get("/id/no-such-page/").status_code == 500
