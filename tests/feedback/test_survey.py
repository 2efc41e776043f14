"""The satisfaction survey: answered without login or script, counted on the results pages and in the API."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from directory.models import ServicePage
from feedback import ikm
from feedback.models import SurveyResponse
from tests.factories.feedback import SurveyResponseFactory
from tests.support.html import hrefs, language, page, soup, texts, visible_text

from .conftest import OFFICE, SERVICE

pytestmark = pytest.mark.django_db

ALL_THREES = dict.fromkeys(ikm.ELEMENT_FIELDS, "3")


@pytest.fixture(autouse=True)
def published_from_one_response(settings):
    """These tests read the figures of single answers; the minimum sample is tested in test_publication.py."""
    settings.IKM_DEFAULT_MINIMUM_RESPONSES = 1


def survey_url(language="id", slug=SERVICE):
    with translation.override(language):
        return reverse("feedback-survey", args=[slug])


def results_url(language="id", slug=SERVICE):
    with translation.override(language):
        return reverse("feedback-service-results", args=[slug])


def test_the_survey_asks_the_nine_elements_of_the_regulation_in_indonesian(client):
    main = page(client, survey_url()).select_one("main")
    form = main.select_one("form.form[method=post]")
    assert len(form.select("input[type=radio]")) == 9 * 4
    assert all("Bagaimana" in legend for legend in texts(form, "fieldset legend")[:9])
    assert not main.select("script")


def test_the_survey_is_offered_in_english_too(client):
    document = page(client, survey_url("en"))
    assert language(document) == "en"
    assert any(legend.endswith("How easy was the service procedure?") for legend in texts(document, "fieldset legend"))


def test_the_survey_page_is_never_cached(client):
    response = client.get(survey_url())
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_a_sent_survey_is_counted_and_the_citizen_sees_the_results(client, fill):
    response = fill(survey_url(), **{**ALL_THREES, "requirements": "4"}, suggestion="Antrean lebih cepat")
    assert response.status_code == 302
    assert response["Location"].startswith(results_url())
    stored = SurveyResponse.objects.get()
    assert stored.requirements == 4 and stored.time == 3
    assert stored.service.locale.language_code == "id"
    results = page(client, response["Location"]).select_one("main")
    assert "Terima kasih" in visible_text(results)
    assert "77,78" in visible_text(results)
    assert results.select("svg")


def test_an_unknown_service_has_no_survey(client):
    assert client.get(survey_url(slug="no-such-service")).status_code == 404


def test_a_survey_without_any_answer_is_refused_with_a_message(client, fill):
    response = fill(survey_url())
    assert soup(response, 400).select("[role=alert]")
    assert not SurveyResponse.objects.exists()


def test_the_api_gives_the_ikm_of_a_service(client, fill):
    fill(survey_url(), **ALL_THREES)
    data = client.get(f"/api/ikm/services/{SERVICE}/").json()
    assert data["responses"] == 1
    assert data["ikm"] == 75.0
    assert data["category"] == "C"
    assert set(data["elements"]) == set(ikm.ELEMENT_FIELDS)
    assert data["elements"]["cost"]["unit_value"] == 3
    assert data["period"]["key"]


def test_the_api_gives_the_ikm_of_an_office_over_its_services(client, fill):
    fill(survey_url(), **ALL_THREES)
    data = client.get(f"/api/ikm/offices/{OFFICE}/?lang=en").json()
    assert data["responses"] == 1
    assert data["office"]["slug"] == OFFICE


def test_the_api_answers_a_service_without_responses_with_nulls(client):
    data = client.get(f"/api/ikm/services/{SERVICE}/").json()
    assert data == {**data, "responses": 0, "ikm": None, "category": None}


@pytest.mark.parametrize(
    ("url", "status"),
    [
        (f"/api/ikm/services/{SERVICE}/?period=2025-Q5", 400),
        (f"/api/ikm/services/{SERVICE}/?lang=fr", 400),
        ("/api/ikm/services/no-such-service/", 404),
        ("/api/ikm/offices/no-such-office/", 404),
        ("/api/ikm/elsewhere/", 404),
    ],
)
def test_the_api_answers_bad_requests_in_json(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response.json()["status"] == status


def test_a_period_selects_the_responses_of_that_quarter(client):
    service = ServicePage.objects.get(stable_slug=SERVICE, locale=Locale.get_default())
    SurveyResponseFactory(service=service, submitted_at="2024-05-10T10:00:00+07:00", **ALL_THREES)
    assert client.get(f"/api/ikm/services/{SERVICE}/?period=2024-Q2").json()["responses"] == 1
    assert client.get(f"/api/ikm/services/{SERVICE}/?period=2024-Q3").json()["responses"] == 0
    assert client.get(f"/api/ikm/services/{SERVICE}/?period=2024-S1").json()["responses"] == 1
    assert client.get(f"/api/ikm/services/{SERVICE}/?period=2024").json()["responses"] == 1


def test_the_office_results_page_lists_its_services(client, fill):
    fill(survey_url(), **ALL_THREES)
    results = page(client, reverse("feedback-office-results", args=[OFFICE]))
    assert any(href.startswith(results_url()) for href in hrefs(results, "main a[href]"))


def test_the_page_cache_leaves_the_citizens_voice_out(client, settings):
    from core.cache import page_cache

    settings.PAGE_CACHE_TIMEOUT = 600
    page_cache().clear()
    for url in (survey_url(), results_url(), f"/en/feedback/complaint/{OFFICE}/"):
        client.cookies.clear()
        response = client.get(url)
        assert response.status_code == 200
        assert "public" not in response.get("Cache-Control", "")
    page_cache().clear()
