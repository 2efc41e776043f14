"""Citizens' notes on contact reports: read by the office's editors next to the report, erased after a while."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from directory.models import ContactPerson
from feedback import complaints
from feedback.models import ContactReport
from tests.factories.feedback import ContactReportFactory
from tests.support.html import page, visible_text

from .conftest import OFFICE

pytestmark = pytest.mark.django_db

NOTE = "Sudah saya telepon tiga kali, tidak diangkat"


@pytest.fixture
def contact():
    return ContactPerson.objects.filter(office__stable_slug=OFFICE, locale=Locale.get_default()).first()


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def notes_in(client, url):
    return [visible_text(item) for item in page(client, url).select("[data-report-note]")]


def test_the_offices_editor_reads_the_note_next_to_the_report(client, contact, editor_a):
    ContactReportFactory(contact=contact, note=NOTE)
    client.force_login(editor_a)
    row = page(client, reverse("directory_freshness_report")).select_one('[data-reports="1"]').find_parent("tr")
    assert contact.name in visible_text(row)
    assert NOTE in visible_text(row)


def test_the_note_is_on_the_editors_dashboard_too(client, contact, editor_a):
    ContactReportFactory(contact=contact, note=NOTE)
    client.force_login(editor_a)
    assert any(NOTE in note for note in notes_in(client, reverse("wagtailadmin_home")))


def test_an_editor_of_another_office_does_not_read_the_note(client, contact, editor_b):
    ContactReportFactory(contact=contact, note=NOTE)
    client.force_login(editor_b)
    for url in (reverse("directory_freshness_report"), reverse("wagtailadmin_home")):
        response = client.get(url)
        assert response.status_code == 200
        assert NOTE not in response.content.decode()


def test_the_notes_of_closed_reports_are_not_listed(client, contact, editor_a):
    ContactReportFactory(contact=contact, note="Nomor lama, sudah diganti", resolved_at=timezone.now())
    ContactReportFactory(contact=contact, note=NOTE)
    client.force_login(editor_a)
    assert [NOTE in note for note in notes_in(client, reverse("directory_freshness_report"))] == [True]


def test_the_purge_erases_notes_older_than_90_days_and_keeps_newer_ones(contact):
    old = ContactReportFactory(contact=contact, note="Nomor mati", reported_at=days_ago(91))
    recent = ContactReportFactory(contact=contact, note=NOTE, reported_at=days_ago(89))
    output = io.StringIO()
    call_command("purge_feedback", stdout=output)
    assert "erased 1 report note(s) older than 90 days" in output.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.note, recent.note) == ("", NOTE)
    assert ContactReport.objects.count() == 2  # the reports stay, counted until the contact is confirmed


def test_the_setting_changes_how_long_notes_are_kept(settings, contact):
    settings.CONTACT_REPORT_NOTE_RETENTION_DAYS = 7
    report = ContactReportFactory(contact=contact, note=NOTE, reported_at=days_ago(8))
    assert complaints.purge_expired() == (0, 1)
    report.refresh_from_db()
    assert report.note == ""
