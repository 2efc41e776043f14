"""The index is published as Permenpan RB 14/2017 does: only once the period's responses reach the minimum sample."""

import pytest
from django.test import Client
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

from directory.models import ServicePage
from feedback import ikm
from feedback.viewsets import PROVISIONAL
from tests.factories.feedback import SurveyResponseFactory
from tests.support.html import page, visible_text

from .conftest import OFFICE, SERVICE, form_fields

pytestmark = pytest.mark.django_db

API = f"/api/ikm/services/{SERVICE}/"
OFFICE_API = f"/api/ikm/offices/{OFFICE}/"
RESULTS = f"/en/feedback/results/services/{SERVICE}/"
ALL_FOURS = dict.fromkeys(ikm.ELEMENT_FIELDS, 4)


@pytest.fixture
def service():
    return ServicePage.objects.get(stable_slug=SERVICE, locale=Locale.get_default())


def provisional_labels():
    """The export's "provisional" mark in either language (the streamed rows may leave the editor's language)."""
    labels = set()
    for code in ("en", "id"):
        with translation.override(code):
            labels.add(str(PROVISIONAL))
    return labels


def users_per_year(service, users):
    """What an editor enters on the service page; a year of 10 users needs 10 responses, a quarter 3."""
    service.yearly_service_users = users
    service.save_revision().publish()


def answered(service, times):
    SurveyResponseFactory.create_batch(times, service=service, **ALL_FOURS)


def test_the_api_gives_no_index_while_responses_are_below_the_minimum(client, service):
    users_per_year(service, 10)
    answered(service, 9)
    data = client.get(API).json()
    assert data["responses"] == 9
    assert data["minimum_responses"] == 10
    assert (data["ikm"], data["category"], data["category_label"]) == (None, None, None)
    assert {element["unit_value"] for element in data["elements"].values()} == {None}


def test_the_api_publishes_the_index_once_the_minimum_is_reached(client, service):
    users_per_year(service, 10)
    answered(service, 10)
    data = client.get(API).json()
    assert (data["responses"], data["minimum_responses"]) == (10, 10)
    assert (data["ikm"], data["category"]) == (100.0, "A")
    assert data["elements"]["cost"]["unit_value"] == 4


def test_the_minimum_of_a_quarter_comes_from_its_share_of_the_yearly_users(client, service):
    users_per_year(service, 1000)
    assert client.get(f"{API}?period=2025-Q1").json()["minimum_responses"] == 152
    assert client.get(f"{API}?period=2025").json()["minimum_responses"] == 278


def test_a_service_without_a_number_of_users_needs_the_default_minimum(client, settings):
    settings.IKM_DEFAULT_MINIMUM_RESPONSES = 30
    assert client.get(API).json()["minimum_responses"] == 30


def test_a_service_with_no_responses_gets_no_category_from_a_single_answer(settings):
    settings.IKM_DEFAULT_MINIMUM_RESPONSES = 30
    citizen = Client()
    survey = f"/id/feedback/survey/{SERVICE}/"
    assert citizen.post(survey, {**form_fields(citizen.get(survey)), **ALL_FOURS}).status_code == 302
    data = citizen.get(API).json()
    assert (data["responses"], data["ikm"], data["category"]) == (1, None, None)
    assert citizen.get(OFFICE_API).json()["category"] is None


def test_the_results_page_says_how_many_responses_of_how_many_needed(client, service):
    users_per_year(service, 10)
    answered(service, 3)
    main = page(client, RESULTS).select_one("main")
    assert "3 of 10 responses so far" in visible_text(main)
    assert not main.select(".ikm-score, svg.chart, table caption:-soup-contains('Unit value')")


def test_the_results_page_shows_index_chart_and_category_once_the_minimum_is_reached(client, service):
    users_per_year(service, 10)
    answered(service, 10)
    main = page(client, RESULTS).select_one("main")
    assert "100.00" in visible_text(main.select_one(".ikm-score"))
    assert main.select("svg.chart")
    assert "responses so far" not in visible_text(main)


def test_the_office_page_lists_a_service_below_its_minimum_without_its_index(client, service):
    users_per_year(service, 10)
    answered(service, 3)
    main = page(client, f"/en/feedback/results/offices/{OFFICE}/").select_one("main")
    row = main.select_one("table.data-table tbody tr")
    assert "3 of 10 responses so far" in visible_text(row)
    assert "100" not in visible_text(row)


def test_the_office_needs_the_sample_of_its_services_users_together(client, service):
    users_per_year(service, 100)
    assert client.get(f"{OFFICE_API}?period=2025").json()["minimum_responses"] == 80


def test_editors_see_a_provisional_index_below_the_minimum_marked_as_such(client, service, editor_a):
    users_per_year(service, 10)
    answered(service, 3)
    UserProfile.objects.update_or_create(user=editor_a, defaults={"preferred_language": "en"})
    client.force_login(editor_a)
    report = page(client, "/admin/feedback/survey/")
    row = next(row for row in report.select("table.listing tbody tr") if service.title in visible_text(row))
    assert "100.00 provisional" in visible_text(row)
    export = client.get("/admin/feedback/survey/?export=csv")
    content = b"".join(export.streaming_content).decode()
    assert ",3,10," in content
    assert any(label in content for label in provisional_labels())


def test_the_english_page_follows_the_number_of_users_untranslated(service):
    users_per_year(service, 1200)
    english = ServicePage.objects.get(translation_key=service.translation_key, locale__language_code="en")
    assert english.yearly_service_users == 1200
    field = next(field for field in get_translatable_fields(ServicePage) if field.field_name == "yearly_service_users")
    assert isinstance(field, SynchronizedField)
