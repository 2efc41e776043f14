"""A citizen's form sent while the database is locked or down: a 503 with Retry-After, the answers shown again."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.urls import reverse
from wagtail.models import Locale

from directory.models import ContactPerson
from feedback import ikm
from feedback.models import Complaint, ContactReport, SurveyResponse
from tests.support.html import soup, visible_text

from .conftest import OFFICE, SERVICE

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]

COMPLAINT_URL = f"/id/feedback/complaint/{OFFICE}/"
SURVEY_URL = f"/id/feedback/survey/{SERVICE}/"
COMPLAINT = {"category": "service", "message": "Antrean KTP tiga jam, loket 2 tutup.", "name": "Sri", "contact": ""}
RETRY_MESSAGE = "Nothing is lost"


def refused(model):
    """Every save of ``model`` fails as it does under another connection's lock."""
    return mock.patch.object(model, "save", side_effect=OperationalError("canceling statement due to lock timeout"))


def assert_retry_later(response):
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0


def test_a_complaint_sent_during_a_lock_comes_back_with_the_message_typed(client, fill):
    with refused(Complaint):
        response = fill(f"/en/feedback/complaint/{OFFICE}/", **COMPLAINT)
    assert_retry_later(response)
    page = soup(response, 503)
    assert RETRY_MESSAGE in visible_text(page.select_one("[role=alert]"))
    assert page.select_one("textarea[name=message]").get_text().strip() == COMPLAINT["message"]
    assert page.select_one("input[name=name]")["value"] == "Sri"
    assert not Complaint.objects.exists()


def test_the_complaint_shown_again_can_be_sent_once_the_database_is_back(client, fill):
    with refused(Complaint):
        response = fill(COMPLAINT_URL, **COMPLAINT)
    token = soup(response, 503).select_one("form input[name=form_token]")["value"]
    again = client.post(COMPLAINT_URL, {"form_token": token, "website": "", **COMPLAINT})
    assert again.status_code == 302
    assert Complaint.objects.get().message == COMPLAINT["message"]


def test_the_message_is_in_indonesian_on_the_indonesian_page(client, fill):
    with refused(Complaint):
        response = fill(COMPLAINT_URL, **COMPLAINT)
    assert_retry_later(response)
    assert "Tidak ada yang hilang" in visible_text(soup(response, 503).select_one("[role=alert]"))


def test_a_survey_sent_during_a_lock_keeps_its_answers_and_counts_nothing(client, fill):
    answers = {**dict.fromkeys(ikm.ELEMENT_FIELDS, "3"), "requirements": "4", "suggestion": "Tambah kursi antrean"}
    with refused(SurveyResponse):
        response = fill(SURVEY_URL, **answers)
    assert_retry_later(response)
    page = soup(response, 503)
    assert page.select_one("input[name=requirements][value='4']").has_attr("checked")
    assert page.select_one("textarea[name=suggestion]").get_text().strip() == "Tambah kursi antrean"
    assert not SurveyResponse.objects.exists()
    assert "melayani_feedback_done" not in response.cookies  # not marked as answered today


def test_a_contact_report_sent_during_a_lock_keeps_its_note(client, fill):
    contact = ContactPerson.objects.filter(office__stable_slug=OFFICE, locale=Locale.get_default()).first()
    with refused(ContactReport):
        response = fill(reverse("feedback-contact-report", args=[contact.key]), reason="wrong", note="Nomor salah")
    assert_retry_later(response)
    assert soup(response, 503).select_one("textarea[name=note]").get_text().strip() == "Nomor salah"
    assert not ContactReport.objects.exists()
