"""A write lock held by another connection, production settings under gunicorn: search answers, forms keep their text.

Another connection locks the complaint and search-log tables against writes (reads go
on), as a long migration or a stuck transaction does. Searches answer in full, the
search log loses its counts; a complaint sent meanwhile answers 503 with Retry-After
after ``DATABASE_LOCK_TIMEOUT`` and shows the message again; once the lock is gone the
same form is accepted.
"""

import contextlib
import json
import re
from urllib.parse import quote, urlencode

import psycopg
import pytest

from tests.support import servers

from .conftest import require_binaries

pytestmark = [pytest.mark.servers, pytest.mark.django_db]

COMPLAINT_URL = "/id/feedback/complaint/dispendukcapil/"
MESSAGE = "Uji kunci basis data: antrean KTP di loket 3 berhenti sejak pagi."
LOCKED_TABLES = ("feedback_complaint", "search_searchquerylog")


@pytest.fixture
def site(test_database_url, static_root):
    require_binaries("gunicorn")
    environment = {
        "DATABASE_URL": test_database_url,
        "STATIC_ROOT": static_root,
        "PAGE_CACHE_TIMEOUT": 0,
        "FEEDBACK_MIN_FILL_SECONDS": 0,
        "DATABASE_LOCK_TIMEOUT": 2,
    }
    with servers.gunicorn(**environment) as port:
        yield port
    with psycopg.connect(test_database_url, autocommit=True) as connection:
        connection.execute("DELETE FROM feedback_complaint WHERE message = %s", [MESSAGE])


@contextlib.contextmanager
def write_lock(database_url):
    """Another connection holding the tables in EXCLUSIVE mode: others may read them, not write."""
    with psycopg.connect(database_url) as connection:
        connection.execute(f"LOCK TABLE {', '.join(LOCKED_TABLES)} IN EXCLUSIVE MODE")
        try:
            yield
        finally:
            connection.rollback()


def open_form(port):
    form = servers.request(port, COMPLAINT_URL)
    assert form.status == 200
    return form.cookies(), hidden_value(form.text, "form_token")


def hidden_value(html, name):
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def send_complaint(port, cookies, token):
    body = urlencode(
        {
            "csrfmiddlewaretoken": cookies["csrftoken"],
            "form_token": token,
            "website": "",
            "category": "service",
            "message": MESSAGE,
        }
    )
    return servers.request(port, COMPLAINT_URL, "POST", body, cookies=cookies)


def test_searches_answer_in_full_while_another_connection_holds_a_write_lock(site, test_database_url):
    with write_lock(test_database_url):
        answer = servers.request(site, "/api/search/?q=" + quote("ktp hilang"))
        page = servers.request(site, "/id/search/?q=" + quote("ktp hilang"))
    assert answer.status == 200
    assert dict(answer.headers)["Content-Type"] == "application/json"
    assert "ktp-el-hilang-rusak" in {result["id"] for result in json.loads(answer.body)["results"]}
    assert page.status == 200
    assert "result-list" in page.text


def test_a_complaint_sent_during_the_lock_comes_back_with_its_text_and_is_accepted_after(site, test_database_url):
    cookies, token = open_form(site)
    with write_lock(test_database_url):
        refused = send_complaint(site, cookies, token)
    assert refused.status == 503
    assert int(dict(refused.headers)["Retry-After"]) > 0
    assert MESSAGE in refused.text
    assert "Tidak ada yang hilang" in refused.text
    accepted = send_complaint(site, cookies, hidden_value(refused.text, "form_token"))
    assert accepted.status == 302
    assert "/id/feedback/complaint/status/" in dict(accepted.headers)["Location"]
