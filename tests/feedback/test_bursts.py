"""A burst of responses to one service is held for review: out of every figure until an editor accepts it."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from directory.models import ServicePage
from feedback import ikm
from feedback.models import ResponseStatus, SurveyResponse
from tests.factories.feedback import SurveyResponseFactory
from tests.support.html import page, visible_text

from .conftest import SERVICE, form_fields

pytestmark = pytest.mark.django_db

API = f"/api/ikm/services/{SERVICE}/"
SURVEY = f"/id/feedback/survey/{SERVICE}/"
LOWEST = dict.fromkeys(ikm.ELEMENT_FIELDS, "1")


@pytest.fixture
def service(settings):
    """42 genuine answers over the last hours (half 4s, half 3s: 87.50, B), published from 30 responses."""
    settings.IKM_DEFAULT_MINIMUM_RESPONSES = 30
    settings.FEEDBACK_BURST_LIMIT = 10
    settings.FEEDBACK_BURST_MINUTES = 10
    source = ServicePage.objects.get(stable_slug=SERVICE, locale=Locale.get_default())
    now = timezone.now()
    for number in range(42):
        score = 4 if number % 2 else 3
        at = now - datetime.timedelta(minutes=11 * (number + 1))
        SurveyResponseFactory(service=source, submitted_at=at, **dict.fromkeys(ikm.ELEMENT_FIELDS, score))
    return source


def forged_burst(posts):
    """``posts`` lowest-score answers from as many clients in a row, as a script sends them."""
    for number in range(posts):
        client = Client(REMOTE_ADDR=f"10.17.0.{number + 1}")
        response = client.post(SURVEY, {**form_fields(client.get(SURVEY)), **LOWEST})
        assert response.status_code == 302


def review(client, service, decision):
    held = SurveyResponse.objects.held().filter(service=service).order_by("pk").last()
    url = reverse("feedback_held_responses_review", args=[service.pk])
    return client.post(url, {"decision": decision, "last": held.pk})


def test_a_burst_is_held_and_the_service_keeps_its_category(client, service):
    assert client.get(API).json()["category"] == "B"
    forged_burst(12)
    data = client.get(API).json()
    assert (data["responses"], data["ikm"], data["category"]) == (42, 87.5, "B")
    assert SurveyResponse.objects.held().count() == 12


def test_responses_at_a_counters_pace_are_counted_at_once(client, service):
    forged_burst(3)
    assert client.get(API).json()["responses"] == 45
    assert not SurveyResponse.objects.held().exists()


def test_the_office_figure_leaves_a_held_burst_out_too(client, service):
    forged_burst(12)
    assert client.get("/api/ikm/offices/dinas-suara-warga/").json()["responses"] == 42


def test_an_editor_of_the_office_sees_the_held_responses_with_their_timing(client, service, editor_a):
    forged_burst(12)
    UserProfile.objects.update_or_create(user=editor_a, defaults={"preferred_language": "en"})
    client.force_login(editor_a)
    report = page(client, reverse("feedback_held_responses"))
    rows = report.select("table.listing tbody tr")
    assert len(rows) == 12
    assert service.title in visible_text(rows[0])
    gaps = [visible_text(row.select("td")[2]) for row in rows]
    assert re.fullmatch(r"1[01] min \d+ s", gaps[0])  # after the last genuine answer
    assert all(re.fullmatch(r"\d+ s", gap) for gap in gaps[1:])  # seconds apart, as a script sends them
    assert report.select(f"form[action='{reverse('feedback_held_responses_review', args=[service.pk])}']")


def test_accepting_a_held_burst_puts_it_into_the_figure(client, service, editor_a):
    forged_burst(12)
    client.force_login(editor_a)
    assert review(client, service, "accept").status_code == 302
    data = client.get(API).json()
    assert data["responses"] == 54
    assert data["category"] == "C"
    assert not page(client, reverse("feedback_held_responses")).select("table.listing tbody tr")


def test_rejecting_a_held_burst_keeps_it_out_for_good(client, service, editor_a):
    forged_burst(12)
    client.force_login(editor_a)
    review(client, service, "reject")
    assert SurveyResponse.objects.filter(status=ResponseStatus.REJECTED).count() == 12
    assert client.get(API).json()["responses"] == 42


def test_an_editor_of_another_office_neither_sees_nor_accepts_the_burst(client, service, editor_b):
    forged_burst(12)
    client.force_login(editor_b)
    assert not page(client, reverse("feedback_held_responses")).select("table.listing tbody tr")
    refused = review(client, service, "accept")  # Wagtail turns the PermissionDenied into a redirect home
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    assert SurveyResponse.objects.held().count() == 12
    assert client.get(API).json()["responses"] == 42


def test_the_ikm_report_shows_the_minimum_and_the_held_responses(client, service, editor_a):
    forged_burst(12)
    client.force_login(editor_a)
    report = page(client, reverse("feedback_survey_results"))
    row = next(row for row in report.select("table.listing tbody tr") if service.title in visible_text(row))
    cells = [visible_text(cell) for cell in row.select("td")]
    assert cells[2:4] == ["42", "30"]
    assert cells[-1] == "12"


def test_held_responses_export_with_their_timing(client, service, editor_a):
    forged_burst(12)
    client.force_login(editor_a)
    export = client.get(reverse("feedback_held_responses") + "?export=csv")
    lines = b"".join(export.streaming_content).decode().splitlines()
    assert len(lines) == 1 + 12
    assert all(service.title in line for line in lines[1:])
