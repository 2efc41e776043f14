"""The satisfaction index under production settings: no figure is published before the minimum sample.

One citizen answers the survey through gunicorn; the API then says how many responses the
period needs and publishes no index, category or unit value, and the page says "1 of 30".
"""

import json
import re
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from feedback import ikm
from tests.support import servers

from .conftest import require_binaries

pytestmark = [pytest.mark.servers, pytest.mark.django_db, pytest.mark.sample]

SERVICE = "ktp-el-hilang-rusak"
SURVEY = f"/id/feedback/survey/{SERVICE}/"
API = f"/api/ikm/services/{SERVICE}/"
FORGET_RESPONSES = f"""
from feedback.models import SurveyResponse
SurveyResponse.objects.filter(service__stable_slug="{SERVICE}").delete()
"""


@pytest.fixture
def site(test_database_url, static_root):
    """gunicorn in production settings, with the default minimum sample; its survey responses deleted after."""
    require_binaries("gunicorn")
    environment = {"DATABASE_URL": test_database_url, "STATIC_ROOT": static_root, "FEEDBACK_MIN_FILL_SECONDS": 0}
    servers.manage(test_database_url, "shell", "-c", FORGET_RESPONSES)
    with servers.gunicorn(**environment) as port:
        yield port
    servers.manage(test_database_url, "shell", "-c", FORGET_RESPONSES)


def answer_the_survey(port, score):
    form = servers.request(port, SURVEY)
    assert form.status == 200
    cookies = form.cookies()
    fields = {field["name"]: field.get("value", "") for field in BeautifulSoup(form.body, "html.parser").select(
        "form.form input[type=hidden], form.form input[name=website]"
    )}  # fmt: skip
    answers = dict.fromkeys(ikm.ELEMENT_FIELDS, score)
    headers = {"Referer": f"http://{servers.HOST}:{port}{SURVEY}"}
    return servers.request(port, SURVEY, "POST", urlencode({**fields, **answers}), headers=headers, cookies=cookies)


def test_one_answer_publishes_no_index_and_the_api_says_how_many_are_needed(site):
    sent = answer_the_survey(site, 4)
    assert sent.status == 302, sent.text[:500]

    data = json.loads(servers.request(site, API).body)
    assert data["responses"] == 1
    assert data["minimum_responses"] == 30
    assert (data["ikm"], data["category"], data["category_label"]) == (None, None, None)
    assert {element["unit_value"] for element in data["elements"].values()} == {None}

    results = servers.request(site, f"/en/feedback/results/services/{SERVICE}/")
    assert results.status == 200
    text = " ".join(BeautifulSoup(results.body, "html.parser").select_one("main").get_text(" ").split())
    assert "1 of 30 responses so far" in text
    assert not re.search(r"ikm-score__value", results.text)
