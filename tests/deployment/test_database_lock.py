"""A write lock held by another connection, production settings under gunicorn: search answers, forms keep their text.

Another connection locks the complaint and search-log tables against writes (reads go
on), as a long migration or a stuck transaction does: on PostgreSQL (the test database,
as ``bin/test`` runs the servers) and on a SQLite file (the embedded default). Searches answer in full, the
search log loses its counts; a complaint sent meanwhile answers 503 with Retry-After
after ``DATABASE_LOCK_TIMEOUT`` and shows the message again; once the lock is gone the
same form is accepted.
"""

import contextlib
import json
import os
import re
import shutil
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import psycopg
import pytest

from tests.support import servers, sqlite_template

from .conftest import require_binaries

pytestmark = [pytest.mark.servers, pytest.mark.django_db, pytest.mark.sample]

COMPLAINT_URL = "/id/feedback/complaint/dispendukcapil/"
MESSAGE = "Uji kunci basis data: antrean KTP di loket 3 berhenti sejak pagi."
LOCKED_TABLES = ("feedback_complaint", "search_searchquerylog")


@pytest.fixture(scope="module")
def sqlite_url(tmp_path_factory):
    """A SQLite file (the embedded default) holding the sample directory, once for the module: a copy of
    the one ``bin/test`` prepared (``TEST_SQLITE_TEMPLATE``), or else built here."""
    path = tmp_path_factory.mktemp("database-lock") / "site.sqlite3"
    prepared = os.environ.get("TEST_SQLITE_TEMPLATE")
    if prepared and Path(prepared).is_file():
        shutil.copyfile(prepared, path)
    else:
        sqlite_template.build(path)
    return f"sqlite:///{path}"


@pytest.fixture(params=["postgresql", "sqlite"])
def database(request):
    """``(DATABASE_URL, write_lock)`` of the database the servers use."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url"), sqlite_write_lock
    return request.getfixturevalue("test_database_url"), postgresql_write_lock


@pytest.fixture
def site(database, static_root):
    require_binaries("gunicorn")
    url, _lock = database
    environment = {
        "DATABASE_URL": url,
        "STATIC_ROOT": static_root,
        "PAGE_CACHE_TIMEOUT": 0,
        "FEEDBACK_MIN_FILL_SECONDS": 0,
        "DATABASE_LOCK_TIMEOUT": 2,
    }
    with servers.gunicorn(**environment) as port:
        yield port
    if url.startswith("postgres"):
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("DELETE FROM feedback_complaint WHERE message = %s", [MESSAGE])


@pytest.fixture
def write_lock(database):
    url, lock = database
    return lambda: lock(url)


@contextlib.contextmanager
def postgresql_write_lock(database_url):
    """Another connection holding the tables in EXCLUSIVE mode: others may read them, not write."""
    with psycopg.connect(database_url) as connection:
        connection.execute(f"LOCK TABLE {', '.join(LOCKED_TABLES)} IN EXCLUSIVE MODE")
        try:
            yield
        finally:
            connection.rollback()


@contextlib.contextmanager
def sqlite_write_lock(database_url):
    """Another connection in a write transaction: SQLite (in WAL mode) lets others read, not write."""
    connection = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        yield
        connection.execute("ROLLBACK")
    finally:
        connection.close()


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


def test_searches_answer_in_full_while_another_connection_holds_a_write_lock(site, write_lock):
    with write_lock():
        answer = servers.request(site, "/api/search/?q=" + quote("ktp hilang"))
        page = servers.request(site, "/id/search/?q=" + quote("ktp hilang"))
    assert answer.status == 200
    assert dict(answer.headers)["Content-Type"] == "application/json"
    assert "ktp-el-hilang-rusak" in {result["id"] for result in json.loads(answer.body)["results"]}
    assert page.status == 200
    assert "result-list" in page.text


def test_a_complaint_sent_during_the_lock_comes_back_with_its_text_and_is_accepted_after(site, write_lock):
    cookies, token = open_form(site)
    with write_lock():
        refused = send_complaint(site, cookies, token)
    assert refused.status == 503
    assert int(dict(refused.headers)["Retry-After"]) > 0
    assert MESSAGE in refused.text
    assert "Tidak ada yang hilang" in refused.text
    accepted = send_complaint(site, cookies, hidden_value(refused.text, "form_token"))
    assert accepted.status == 302
    assert "/id/feedback/complaint/status/" in dict(accepted.headers)["Location"]


def logged_queries(database_url):
    """The search log's queries as stored, read by another connection."""
    sql = "SELECT query FROM search_searchquerylog"
    if database_url.startswith("sqlite"):
        with contextlib.closing(sqlite3.connect(database_url.removeprefix("sqlite:///"))) as connection:
            return {row[0] for row in connection.execute(sql)}
    with psycopg.connect(database_url) as connection:
        return {row[0] for row in connection.execute(sql)}


def test_a_number_typed_with_spaces_in_a_search_is_logged_masked(site, database):
    url, _lock = database
    answer = servers.request(site, "/api/search/?q=" + quote("nik 3510 0123 4567 8901 ktp"))
    assert answer.status == 200
    # The log is written after the answer has gone out: give the worker a moment.
    for _attempt in range(50):
        stored = {query for query in logged_queries(url) if query.startswith("nik ")}
        if stored:
            break
        time.sleep(0.1)
    assert stored and not any(re.search(r"\d", query) for query in stored)


def test_the_accepted_complaint_shows_its_reference_and_when_its_answer_is_due(site):
    cookies, token = open_form(site)
    accepted = send_complaint(site, cookies, token)
    status_page = servers.request(site, dict(accepted.headers)["Location"])
    assert status_page.status == 200
    assert re.search(r"ADU-[0-9A-Z]{6}", status_page.text)
    assert "Batas waktu jawaban" in status_page.text
