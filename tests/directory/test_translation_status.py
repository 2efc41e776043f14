"""The communications team's *Translation status* report."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale

pytestmark = pytest.mark.django_db

REPORT_URL = reverse("directory_translation_status")
NEW_SUMMARY = "Ringkasan baru yang belum diterjemahkan."


def report_rows(client, user, **params):
    client.force_login(user)
    response = client.get(REPORT_URL, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {int(row["data-page"]): row for row in soup.select("#translation-status tbody tr")}


def english_of(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def cell(row, column):
    return row.select_one(f'[data-column="{column}"]').get_text(strip=True)


def change_summary(office):
    draft = office.get_latest_revision_as_object()
    draft.summary = NEW_SUMMARY
    draft.save_revision().publish()


def test_a_fully_translated_office_shows_every_string_translated(client, communications_member, office_a):
    row = report_rows(client, communications_member)[english_of(office_a).pk]
    translated, total = cell(row, "translated").split(" / ")
    assert translated == total and int(total) > 0
    assert cell(row, "changed") == "0"
    assert cell(row, "since") == ""


def test_text_changed_in_indonesian_is_counted_with_its_date(client, communications_member, office_a):
    change_summary(office_a)
    row = report_rows(client, communications_member)[english_of(office_a).pk]
    translated, total = (int(n) for n in cell(row, "translated").split(" / "))
    assert translated == total - 1
    assert cell(row, "changed") == "1"
    assert row.select_one('[data-column="since"] time')["datetime"]


def test_the_report_filters_by_office(client, communications_member, office_a, office_b):
    rows = report_rows(client, communications_member, office=office_a.pk)
    assert english_of(office_a).pk in rows
    assert english_of(office_b).pk not in rows
    service = office_a.get_children().first()
    assert english_of(service).pk in rows


def test_the_report_exports_a_spreadsheet(client, communications_member, office_a):
    change_summary(office_a)
    client.force_login(communications_member)
    response = client.get(REPORT_URL, {"export": "csv", "office": office_a.pk})
    assert response.status_code == 200
    header, *rows = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    assert len(header) == 7
    office_row = next(row for row in rows if row[0] == english_of(office_a).title)
    page, language, office, strings, translated, changed, since = office_row
    assert (language, changed) == ("en", "1")
    assert int(translated) == int(strings) - 1
    assert since


def test_office_editors_do_not_get_the_report(client, editor_a):
    client.force_login(editor_a)
    assert client.get(REPORT_URL).status_code in (302, 403)


def test_a_bad_office_filter_is_not_an_error(client, communications_member):
    client.force_login(communications_member)
    assert client.get(REPORT_URL, {"office": "<script>"}).status_code == 200
