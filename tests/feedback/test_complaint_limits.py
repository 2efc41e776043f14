"""The complaint box under a flood: daily ceilings, repeated complaints folded, the reference always at once."""

import logging

import pytest
from django.test import Client

from feedback.models import Complaint
from tests.support.html import soup, visible_text

from .conftest import OFFICE, form_fields

pytestmark = pytest.mark.django_db

URL = f"/en/feedback/complaint/{OFFICE}/"
MESSAGE = {"category": "service", "message": "The KTP queue took three hours.", "name": "", "contact": ""}


def citizen(address="198.51.100.10"):
    return Client(REMOTE_ADDR=address)


def complain(browser, **changes):
    return browser.post(URL, {**form_fields(browser.get(URL)), **MESSAGE, **changes})


def test_the_same_complaint_again_within_minutes_is_folded_into_the_first():
    first = complain(citizen())
    again = complain(citizen("198.51.100.11"), message="  the KTP queue took THREE hours!! ")
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert Complaint.objects.count() == 1


def test_the_folded_citizen_sees_the_first_complaints_reference_at_once(client):
    complain(citizen())
    status_page = client.get(complain(citizen("198.51.100.11"))["Location"])
    assert Complaint.objects.get().reference in visible_text(soup(status_page))


def test_a_different_message_is_a_new_complaint():
    complain(citizen())
    complain(citizen(), message="The counter was closed at 10 o'clock.")
    assert Complaint.objects.count() == 2


def test_the_same_message_after_the_folding_window_is_a_new_complaint(settings):
    settings.COMPLAINT_DUPLICATE_MINUTES = 0
    complain(citizen())
    complain(citizen())
    assert Complaint.objects.count() == 2


def test_a_double_click_sending_one_token_twice_gets_the_reference_both_times():
    browser = citizen()
    fields = {**form_fields(browser.get(URL)), **MESSAGE}
    first, second = browser.post(URL, fields), browser.post(URL, fields)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert Complaint.objects.count() == 1


def test_a_replayed_token_with_another_message_stores_nothing():
    browser = citizen()
    fields = {**form_fields(browser.get(URL)), **MESSAGE}
    browser.post(URL, fields)
    replay = browser.post(URL, {**fields, "message": "Something else entirely."})
    assert soup(replay, 409).select("[role=alert]")
    assert Complaint.objects.count() == 1


def test_a_client_meets_its_daily_ceiling_and_keeps_what_it_typed(settings):
    settings.COMPLAINT_CLIENT_DAILY_LIMIT = 2
    browser = citizen()
    statuses = [complain(browser, message=f"Complaint number {number}").status_code for number in range(3)]
    assert statuses == [302, 302, 429]
    form = soup(complain(browser, message="Complaint number 3"), 429)
    assert "try again tomorrow" in visible_text(form.select_one("[role=alert]"))
    assert form.select_one("textarea[name=message]").string.strip() == "Complaint number 3"
    assert Complaint.objects.count() == 2


def test_another_client_still_reaches_the_office_when_one_met_its_ceiling(settings):
    settings.COMPLAINT_CLIENT_DAILY_LIMIT = 1
    complain(citizen(), message="First")
    assert complain(citizen(), message="Second").status_code == 429
    assert complain(citizen("198.51.100.11"), message="Third").status_code == 302


def test_the_office_ceiling_stops_a_flood_from_many_clients_and_logs_it(settings, caplog):
    settings.COMPLAINT_OFFICE_DAILY_LIMIT = 2
    with caplog.at_level(logging.WARNING, logger="feedback.protection.limits"):
        statuses = [complain(citizen(f"198.51.100.{n}"), message=f"Flood {n}").status_code for n in range(20, 23)]
    assert statuses == [302, 302, 429]
    assert Complaint.objects.count() == 2
    assert [record for record in caplog.records if "Complaint flood" in record.message]
