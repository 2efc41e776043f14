"""The search log keeps no number however it is written, and never fails or holds up a search."""

import importlib
import logging
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from search import api as search_api
from search.models import SearchQueryLog, mask_personal_numbers
from tests.support.html import soup

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific, pytest.mark.sample]

masking = importlib.import_module("search.migrations.0005_failure_mask_spaced_numbers")
email_masking = importlib.import_module("search.migrations.0008_mask_email_addresses")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0812 3456 7890", "########"),
        ("+62 812-3456-7890", "########"),
        ("(0333) 421234", "(########"),
        ("nik 3510 0123 4567 8901", "nik ########"),
        ("3510.0123.4567.8901", "########"),
        ("wa 0812/3456/7890 tidak aktif", "wa ######## tidak aktif"),
        ("ktp 2024 2025", "ktp ########"),  # eight digits with only a space between: a number
    ],
)
def test_a_run_of_eight_digits_is_masked_whatever_separates_them(typed, stored):
    assert mask_personal_numbers(typed) == stored


@pytest.mark.parametrize(
    "typed", ["rt 05 rw 03", "retribusi 2024", "pp 96 2012", "pp 96/2012", "perda 12 tahun 2019", "kode pos 68411"]
)
def test_shorter_numbers_say_what_was_searched_and_stay(typed):
    assert mask_personal_numbers(typed) == typed


def test_a_number_typed_with_spaces_in_a_search_is_stored_masked(client):
    client.get("/api/search/", {"q": "nik 3510 0123 4567 8901"})
    client.get("/id/search/", {"q": "telepon (0333) 421234"})
    assert set(SearchQueryLog.objects.values_list("query", flat=True)) == {"nik ########", "telepon (########"}


def test_the_migration_masks_old_rows_and_folds_those_that_become_the_same():
    today = timezone.localdate()
    for query, searches in (("nomor 0812 3456 7890", 2), ("nomor 0812-1111-2222", 3), ("rt 05 rw 03", 1)):
        SearchQueryLog.objects.create(query=query, language_code="id", date=today, searches=searches)
    SearchQueryLog.objects.create(query="nik 3510 0123 4567 8901", language_code="en", date=today, searches=1)
    assert masking.mask_logged_queries(SearchQueryLog) == 3
    rows = {(row.query, row.language_code): row.searches for row in SearchQueryLog.objects.all()}
    assert rows == {("nomor ########", "id"): 5, ("rt 05 rw 03", "id"): 1, ("nik ########", "en"): 1}
    assert masking.mask_logged_queries(SearchQueryLog) == 0


def test_the_email_migration_masks_old_log_rows_and_follow_ups():
    from django.apps import apps

    from search.models import SearchFollowUp

    today = timezone.localdate()
    SearchQueryLog.objects.create(query="aduan budi@gmail.com", language_code="id", date=today, searches=2)
    SearchQueryLog.objects.create(query="aduan sari@yahoo.co.id", language_code="id", date=today, searches=1)
    SearchQueryLog.objects.create(query="instagram @bpbd_bwi", language_code="id", date=today, searches=1)
    SearchFollowUp.objects.create(reference="r1", query="balas ke budi@gmail.com", language_code="id")
    email_masking.mask_existing_rows(apps, None)
    rows = {row.query: row.searches for row in SearchQueryLog.objects.all()}
    assert rows == {"aduan ########": 3, "instagram @bpbd_bwi": 1}
    assert list(SearchFollowUp.objects.values_list("query", flat=True)) == ["balas ke ########"]


@pytest.fixture(params=[OperationalError("database is locked"), InterfaceError("connection already closed")])
def log_refused(request):
    """The database refuses every write to the search log, as under another connection's lock, or its
    connection is gone (an ``InterfaceError``, which is no ``DatabaseError``)."""
    with mock.patch.object(SearchQueryLog, "record", side_effect=request.param) as record:
        yield record


def test_the_api_answers_with_its_results_when_the_log_cannot_be_written(client, log_refused, caplog):
    with caplog.at_level(logging.WARNING, logger="search.query_log"):
        response = client.get("/api/search/", {"q": "ktp hilang"})
    assert response.status_code == 200
    assert "service:ktp-el-hilang-rusak" in {f"{hit['type']}:{hit['id']}" for hit in response.json()["results"]}
    assert log_refused.called
    assert "not counted" in caplog.text


def test_the_search_page_answers_with_its_results_when_the_log_cannot_be_written(client, log_refused):
    page = soup(client.get("/id/search/", {"q": "ktp hilang"}))
    assert page.select(".result-list li")
    assert log_refused.called


def test_the_search_is_counted_only_after_its_answer_is_complete(client):
    counted_while_answering = []

    def look_then_answer(request, hit):
        counted_while_answering.append(SearchQueryLog.objects.filter(query="ktp hilang").exists())
        return answer(request, hit)

    answer = search_api.hit_data
    with mock.patch.object(search_api, "hit_data", side_effect=look_then_answer):
        assert client.get("/api/search/", {"q": "ktp hilang"}).status_code == 200
    assert counted_while_answering and not any(counted_while_answering)
    assert SearchQueryLog.objects.get(query="ktp hilang").searches == 1
