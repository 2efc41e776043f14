"""The citizens' search log keeps no personal numbers, forgets old entries, and exports safely."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from search.models import SearchQueryLog

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific, pytest.mark.sample]


def logged_queries():
    return set(SearchQueryLog.objects.values_list("query", flat=True))


def test_email_addresses_are_masked_before_the_query_is_stored(client):
    client.get("/id/search/", {"q": "Aduan dari Budi.Santoso@gmail.com belum dibalas"})
    client.get("/api/search/", {"q": "lupa password akun budi@"})
    client.get("/api/search/", {"q": "instagram @bpbd_bwi"})  # an office's public handle stays
    expected = {"aduan dari ######## belum dibalas", "lupa password akun ########", "instagram @bpbd_bwi"}
    assert logged_queries() == expected


def test_phone_numbers_and_niks_are_masked_before_the_query_is_stored(client):
    client.get("/api/search/", {"q": "ktp hilang 3510123456780001"})
    client.get("/id/search/", {"q": "nomor 0812-3456-7890 tidak aktif"})
    client.get("/api/search/", {"q": "retribusi 2024 rt 05"})
    queries = logged_queries()
    assert "ktp hilang ########" in queries
    assert "nomor ######## tidak aktif" in queries
    assert "retribusi 2024 rt 05" in queries  # short numbers say what was searched and stay
    assert not any(char.isdigit() for query in queries - {"retribusi 2024 rt 05"} for char in query)


@override_settings(SEARCH_LOG_RETENTION_DAYS=90)
def test_entries_older_than_the_retention_period_are_deleted_and_a_rerun_changes_nothing():
    today = timezone.localdate()
    SearchQueryLog.objects.create(query="lama sekali", language_code="id", date=today - datetime.timedelta(days=91))
    SearchQueryLog.objects.create(query="masih baru", language_code="id", date=today - datetime.timedelta(days=89))
    out = io.StringIO()
    call_command("purge_search_log", stdout=out)
    assert "1 entries older than 90 days deleted" in out.getvalue()
    assert logged_queries() == {"masih baru"}
    call_command("purge_search_log", stdout=io.StringIO())
    assert logged_queries() == {"masih baru"}


def test_report_export_does_not_let_a_query_become_a_spreadsheet_formula(admin_client):
    for query in ('=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "ktp hilang"):
        SearchQueryLog.record(query, "id", 0)
    response = admin_client.get("/admin/reports/searches/", {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    cells = [row[0] for row in rows[1:]]
    assert "ktp hilang" in cells
    risky = [cell for cell in cells if cell != "ktp hilang"]
    assert len(risky) == 4
    assert all(cell.startswith("'") for cell in risky)
