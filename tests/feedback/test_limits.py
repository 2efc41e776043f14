"""A survey that counts people: a token counts once, a client answers a service once a day, scripts are stopped."""

import datetime
import logging

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from feedback import ikm, protection
from feedback.models import SurveyResponse, UsedFormToken
from tests.support.html import soup, visible_text

from .conftest import SERVICE, form_fields

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific]

URL = f"/id/feedback/survey/{SERVICE}/"
ENGLISH_URL = f"/en/feedback/survey/{SERVICE}/"
ANSWERS = dict.fromkeys(ikm.ELEMENT_FIELDS, "4")


def citizen(address="198.51.100.10", phone="Phone A"):
    return Client(REMOTE_ADDR=address, HTTP_USER_AGENT=phone)


def fresh_token(url=URL):
    """A new form token, as a script gets one: from a page opened by some other browser."""
    return form_fields(Client(HTTP_USER_AGENT="Token fetcher").get(url))


def answer(browser, url=URL, **extra):
    """Send the survey with a fresh token, as a browser without the "already answered" cookie does."""
    browser.cookies.pop(protection.DONE_COOKIE, None)
    return browser.post(url, {**fresh_token(url), **ANSWERS, **extra})


def test_a_token_sent_again_is_refused_and_counts_nothing():
    first, second = citizen(phone="Phone A"), citizen(phone="Phone B")
    fields = {**fresh_token(ENGLISH_URL), **ANSWERS}
    assert first.post(ENGLISH_URL, fields).status_code == 302
    replay = second.post(ENGLISH_URL, fields)
    assert "already sent once" in visible_text(soup(replay, 409).select_one("[role=alert]"))
    assert SurveyResponse.objects.count() == 1


def test_a_client_without_its_cookie_is_still_known_for_the_day():
    browser = citizen()
    assert answer(browser).status_code == 302
    again = answer(browser)
    assert soup(again, 409).select("[role=alert]")
    assert SurveyResponse.objects.count() == 1


def test_the_survey_page_says_so_even_without_the_cookie():
    browser = citizen()
    answer(browser)
    browser.cookies.pop(protection.DONE_COOKIE, None)
    assert not soup(browser.get(URL)).select("input[type=radio]")


def test_a_hundred_posts_from_one_client_count_once():
    browser = citizen()
    statuses = {answer(browser).status_code for _ in range(100)}
    assert statuses == {302, 409}
    assert SurveyResponse.objects.count() == 1


def test_a_script_changing_its_browser_is_stopped_by_the_hourly_allowance(settings):
    settings.FEEDBACK_CLIENT_LIMIT = 2
    statuses = [answer(citizen(phone=f"Phone {number}")).status_code for number in range(3)]
    assert statuses == [302, 302, 429]
    assert SurveyResponse.objects.count() == 2


def test_one_client_spending_its_allowance_leaves_others_theirs(settings):
    settings.FEEDBACK_CLIENT_LIMIT = 1
    answer(citizen(phone="Phone A"))
    assert answer(citizen(phone="Phone B")).status_code == 429
    assert answer(citizen(address="198.51.100.11")).status_code == 302


def test_a_refused_post_keeps_the_answers_typed(settings):
    settings.FEEDBACK_CLIENT_LIMIT = 0
    form = soup(answer(citizen(), ENGLISH_URL, suggestion="Antre lama"), 429)
    assert "Please try again in an hour" in visible_text(form.select_one("[role=alert]"))
    assert form.select_one("textarea[name=suggestion]").string.strip() == "Antre lama"
    assert len(form.select("input[type=radio][checked]")) == len(ANSWERS)


def test_a_flood_from_many_clients_meets_the_ceiling_and_is_logged(settings, caplog):
    settings.FEEDBACK_TARGET_LIMIT = 2
    with caplog.at_level(logging.WARNING, logger="feedback.protection.limits"):
        statuses = [answer(citizen(address=f"198.51.100.{number}")).status_code for number in range(20, 24)]
    assert statuses == [302, 302, 429, 429]
    assert SurveyResponse.objects.count() == 2
    assert [record.message for record in caplog.records if "flood" in record.message]


def test_no_address_is_stored_only_a_hash_of_the_client_and_the_day():
    answer(citizen(address="198.51.100.77"))
    stored = SurveyResponse.objects.get()
    assert stored.client_day
    assert "198.51.100.77" not in stored.client_day


def test_the_purge_forgets_yesterdays_hashes_and_expired_tokens(settings):
    answer(citizen())
    two_days_ago = timezone.now() - datetime.timedelta(days=2)
    SurveyResponse.objects.update(submitted_at=two_days_ago)
    UsedFormToken.objects.update(used_at=two_days_ago)
    call_command("purge_feedback", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert SurveyResponse.objects.get().client_day == ""
    assert not UsedFormToken.objects.exists()


def test_the_purge_keeps_todays_hashes():
    answer(citizen())
    call_command("purge_feedback", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert SurveyResponse.objects.get().client_day
    assert UsedFormToken.objects.exists()


def test_the_counters_key_on_a_hash_of_the_address_never_the_address(rf):
    digest = protection.client_key(rf.post(URL, REMOTE_ADDR="203.0.113.7"))
    assert "203.0.113.7" not in digest
    assert digest == protection.client_key(rf.post(URL, REMOTE_ADDR="203.0.113.7"))
    assert digest != protection.client_key(rf.post(URL, REMOTE_ADDR="203.0.113.8"))


def test_counters_never_go_into_a_folder_other_users_may_write(settings, tmp_path):
    folder = tmp_path / "limits"
    folder.mkdir()
    folder.chmod(0o777)
    limits_cache = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(folder)}
    settings.CACHES = {**settings.CACHES, "limits": limits_cache}
    assert answer(citizen()).status_code == 302
    assert not list(folder.iterdir())


def test_counters_are_kept_in_the_sites_own_folder(settings, tmp_path):
    settings.FEEDBACK_CLIENT_LIMIT = 1
    folder = tmp_path / "limits"
    limits_cache = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(folder)}
    settings.CACHES = {**settings.CACHES, "limits": limits_cache}
    assert answer(citizen(phone="Phone A")).status_code == 302
    assert list(folder.iterdir())
    assert answer(citizen(phone="Phone B")).status_code == 429
