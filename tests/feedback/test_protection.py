"""Abuse protection of the citizens' forms: each rejection is a clear message, never a 500, and nothing is stored."""

import time

import pytest
from django.core import signing
from django.urls import reverse

from feedback import ikm, protection
from feedback.models import SurveyResponse
from tests.support.html import soup

from .conftest import SERVICE, form_fields

pytestmark = pytest.mark.django_db

URL = f"/id/feedback/survey/{SERVICE}/"
ANSWERS = dict.fromkeys(ikm.ELEMENT_FIELDS, "4")


def token_fields(client):
    return form_fields(client.get(URL))


def test_a_form_sent_faster_than_a_person_can_is_refused(client, settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 30
    response = client.post(URL, {**token_fields(client), **ANSWERS})
    assert soup(response, 400).select("[role=alert]")
    assert not SurveyResponse.objects.exists()


def test_the_answers_stay_filled_in_after_a_rejection(client, settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 30
    form = soup(client.post(URL, {**token_fields(client), **ANSWERS}), 400)
    chosen = [radio["name"] for radio in form.select("input[type=radio][checked]")]
    assert sorted(chosen) == sorted(ANSWERS)
    assert {radio["value"] for radio in form.select("input[type=radio][checked]")} == {"4"}


def test_a_form_without_our_token_is_refused(client):
    response = client.post(URL, {"form_token": "forged", "website": "", **ANSWERS})
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_a_token_of_another_service_is_refused(client):
    token = protection.issue_token("survey", "another-service", now=time.time() - 60)
    response = client.post(URL, {"form_token": token, "website": "", **ANSWERS})
    assert response.status_code == 400


def test_an_expired_token_is_refused(client, settings):
    settings.FEEDBACK_TOKEN_MAX_AGE = 60
    token = signing.dumps({"p": "survey", "t": SERVICE, "at": int(time.time())}, salt=protection.TOKEN_SALT)
    signer_time = time.time
    try:
        time.time = lambda: signer_time() + 3600
        response = client.post(URL, {"form_token": token, "website": "", **ANSWERS})
    finally:
        time.time = signer_time
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_a_filled_honeypot_is_refused(client):
    response = client.post(URL, {**token_fields(client), **ANSWERS, "website": "http://spam.example"})
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client):
    assert soup(client.get(URL)).select("form .hp input[name=website]")


def test_one_response_per_service_per_browser_per_day(client):
    assert client.post(URL, {**token_fields(client), **ANSWERS}).status_code == 302
    token = protection.issue_token("survey", SERVICE)
    again = client.post(URL, {"form_token": token, "website": "", **ANSWERS})
    assert soup(again, 409).select("[role=alert]")
    assert SurveyResponse.objects.count() == 1


def test_the_survey_page_says_when_this_browser_already_answered_today(client):
    client.post(URL, {**token_fields(client), **ANSWERS})
    assert not soup(client.get(URL)).select("input[type=radio]")


def test_another_browser_on_the_same_connection_may_answer_the_same_day(client):
    from django.test import Client

    client.post(URL, {**token_fields(client), **ANSWERS})
    other = Client(HTTP_USER_AGENT="Another phone")
    assert other.post(URL, {**token_fields(other), **ANSWERS}).status_code == 302
    assert SurveyResponse.objects.count() == 2


def test_a_survey_response_stores_no_address_or_identity():
    fields = {field.name for field in SurveyResponse._meta.get_fields()}
    assert not fields & {"ip", "ip_address", "address", "user", "user_agent", "name", "phone", "email"}


def test_a_get_of_a_sent_form_url_is_never_an_error(client):
    assert client.get(reverse("feedback-survey", args=[SERVICE])).status_code == 200
