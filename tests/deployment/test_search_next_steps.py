"""Production settings, a real gunicorn host: an unsure answer leads on; what a citizen opens and answers is kept."""

from html import unescape
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from search.models import SearchFollowUp, SearchOpen
from tests.support import servers

from .conftest import require_binaries

pytestmark = [pytest.mark.servers, pytest.mark.django_db, pytest.mark.sample]

WEAK = "resep nasi goreng"
GOOD = "ktp hilang"
WITH_A_NUMBER = "ktp hilang 0812 3456 7890"
SERVICE_URL = "/id/direktori/dispendukcapil/ktp-el-hilang-rusak/"
FORGET = "from search.models import SearchFollowUp, SearchQueryLog; SearchFollowUp.objects.all().delete(); "
FORGET += "SearchQueryLog.objects.all().delete()"


@pytest.fixture
def host(test_database_url, static_root, shared_redis):
    require_binaries("gunicorn")
    environment = {"DATABASE_URL": test_database_url, "STATIC_ROOT": static_root, **shared_redis}
    with servers.gunicorn(**environment) as port:
        yield port
    servers.manage(test_database_url, "shell", "-c", FORGET)


def results_page(port, language, query):
    response = servers.request(port, f"/{language}/search/?{urlencode({'q': query})}")
    assert response.status == 200
    return response, BeautifulSoup(response.text, "html.parser")


def test_an_unsure_answer_says_so_and_offers_topics_112_and_complaints(host):
    for language, directory in (("id", "/id/direktori/"), ("en", "/en/directory/")):
        _response, page = results_page(host, language, WEAK)
        unsure = page.select_one('[aria-labelledby="unsure-heading"]')
        links = {unescape(link["href"]) for link in unsure.select("a[href]")}
        assert {f"{directory}?kind=dinas", "tel:112", f"/{language}/feedback/complaint/dispendukcapil/"} <= links
    _response, good = results_page(host, "en", GOOD)
    assert good.select_one("#unsure-heading") is None
    assert "We are not sure" not in good.get_text()


def test_an_opened_result_and_a_no_are_kept_masked_and_a_foreign_target_is_refused(host):
    response, page = results_page(host, "id", WITH_A_NUMBER)
    link = next(a["href"] for a in page.select(".search-hit__title a") if f"to={SERVICE_URL}" in a["href"])
    opened = servers.request(host, link)
    assert (opened.status, dict(opened.headers)["Location"]) == (302, SERVICE_URL)
    forged = servers.request(host, link.replace(f"to={SERVICE_URL}", "to=https://evil.example/"))
    assert forged.status == 400

    form = page.select_one("form.answer-form")
    fields = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    body = urlencode({**fields, "found": "no"})
    answered = servers.request(host, form["action"], "POST", body, cookies=response.cookies())
    assert answered.status == 302 and "answered=no" in dict(answered.headers)["Location"]

    follow_up = SearchFollowUp.objects.get()
    assert (follow_up.query, follow_up.found) == ("ktp hilang ########", False)
    assert SearchOpen.objects.get(follow_up=follow_up).position >= 1
