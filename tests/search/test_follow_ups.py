"""Which result a citizen opened and whether they found what they needed: kept without personal data."""

import datetime
import io
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from search import follow_ups
from search.models import SearchFollowUp, SearchOpen, SearchQueryLog
from tests.support import html

pytestmark = [pytest.mark.django_db, pytest.mark.sample]

QUERY = "ktp hilang"
SERVICE_URL = "/id/direktori/dispendukcapil/ktp-el-hilang-rusak/"
DAY = datetime.timedelta(days=1)


def result_links(client, query, language="id"):
    page = html.page(client, f"/{language}/search/?{urlencode({'q': query})}")
    return html.hrefs(html.section(page, "results-heading"), ".search-hit__title a")


def link_to(client, url, query=QUERY):
    return next(link for link in result_links(client, query) if f"to={url}" in link)


def answer_form(client, query, language="id"):
    page = html.page(client, f"/{language}/search/?{urlencode({'q': query})}")
    form = page.select_one("form.answer-form")
    return form["action"], {field["name"]: field["value"] for field in form.select("input[type=hidden]")}


def stored_values():
    """Every value the follow-up tables hold, as text."""
    rows = [*SearchFollowUp.objects.values(), *SearchOpen.objects.values()]
    return [str(value) for row in rows for value in row.values()]


def test_a_result_link_shows_where_it_leads_and_goes_there(client):
    response = client.get(link_to(client, SERVICE_URL))
    assert response.status_code == 302
    assert response["Location"] == SERVICE_URL


def test_the_opened_result_is_recorded_with_its_title_rank_and_page(client):
    links = result_links(client, QUERY)
    client.get(links[1])
    opened = SearchOpen.objects.select_related("follow_up", "page").get()
    assert (opened.follow_up.query, opened.follow_up.language_code, opened.position) == (QUERY, "id", 2)
    assert opened.title and opened.page is not None


def test_opening_the_same_result_twice_from_one_results_page_counts_once(client):
    link = link_to(client, SERVICE_URL)
    client.get(link)
    client.get(link)
    assert SearchOpen.objects.count() == 1


def test_each_results_page_is_a_follow_up_of_its_own(client):
    client.get(link_to(client, SERVICE_URL))
    client.get(link_to(client, SERVICE_URL))
    assert SearchFollowUp.objects.count() == 2


def test_opens_and_answers_keep_no_personal_data_and_mask_numbers(client):
    query = "ktp hilang 0812-3456-7890 budi@example.com"
    link = link_to(client, SERVICE_URL, query)
    assert "3456" not in link and "budi" not in link
    client.get(link, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Citizen browser")
    action, fields = answer_form(client, query)
    client.post(action, {**fields, "found": "no"}, REMOTE_ADDR="203.0.113.9")
    assert set(SearchFollowUp.objects.values_list("query", flat=True)) == {"ktp hilang ######## ########"}
    values = stored_values()
    secrets = ("3456", "budi", "203.0.113.9", "Citizen browser")
    assert not any(secret in value for value in values for secret in secrets)
    assert client.session.session_key is None or client.session.session_key not in values
    columns = {field.name for model in (SearchFollowUp, SearchOpen) for field in model._meta.get_fields()}
    assert not columns & {"ip", "ip_address", "session", "session_key", "user", "user_agent"}


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_the_redirect_refuses_a_foreign_target_even_when_signed(client, target):
    fields = dict.fromkeys(follow_ups.OPEN_FIELDS, "")
    fields.update({"to": target, "r": "0" * 32, "k": "service:x", "p": "1"})
    response = client.get("/id/search/open/", {**fields, "sig": follow_ups._signature(fields)})
    assert response.status_code == 400
    assert not SearchOpen.objects.exists()


def test_the_redirect_refuses_a_link_whose_target_was_changed(client):
    link = link_to(client, SERVICE_URL)
    params = {name: values[0] for name, values in parse_qs(urlsplit(link).query).items()}
    response = client.get("/id/search/open/", {**params, "to": "https://evil.example/"})
    assert response.status_code == 400
    assert not SearchOpen.objects.exists()


@pytest.mark.parametrize(("language", "answer", "found"), [("id", "yes", True), ("en", "no", False)])
def test_the_answer_is_stored_and_thanked_for(client, language, answer, found):
    action, fields = answer_form(client, QUERY, language)
    response = client.post(action, {**fields, "found": answer})
    assert response.status_code == 302
    assert SearchFollowUp.objects.get().found is found
    page = html.page(client, response["Location"])
    assert page.select_one(".answer-thanks") is not None
    assert page.select_one("form.answer-form") is None


def test_the_page_after_an_answer_is_not_counted_as_another_search(client):
    action, fields = answer_form(client, QUERY)
    client.get(client.post(action, {**fields, "found": "yes"})["Location"])
    assert SearchQueryLog.objects.get(query=QUERY).searches == 1


def test_an_answer_without_the_form_token_is_refused(client):
    response = client.post("/id/search/answer/", {"q": QUERY, "follow_up": "forged", "found": "no"})
    assert response.status_code == 400
    assert not SearchFollowUp.objects.exists()


def test_an_answer_is_accepted_with_the_pages_csrf_token_only():
    citizen, stranger = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    action, fields = answer_form(citizen, QUERY)
    assert stranger.post(action, {**fields, "found": "no"}).status_code == 403
    assert not SearchFollowUp.objects.exists()
    assert citizen.post(action, {**fields, "found": "no"}).status_code == 302
    assert SearchFollowUp.objects.get().found is False


@override_settings(SEARCH_LOG_RETENTION_DAYS=90)
def test_follow_ups_are_deleted_with_the_log_after_the_retention_period():
    today = timezone.localdate()
    old = SearchFollowUp.objects.create(reference="a" * 32, query="lama", language_code="id", date=today - DAY * 91)
    SearchOpen.objects.create(follow_up=old, result="service:x", title="X", position=1)
    SearchFollowUp.objects.create(reference="b" * 32, query="baru", language_code="id", date=today - DAY * 89)
    call_command("purge_search_log", stdout=io.StringIO())
    assert list(SearchFollowUp.objects.values_list("query", flat=True)) == ["baru"]
    assert not SearchOpen.objects.exists()
