"""Two application servers on one PostgreSQL and one Redis: a change made on one shows on both at once."""

import json
import re
from urllib.parse import quote, urlencode

import pytest

from directory.models import OfficePage, ServicePage
from tests.support import servers

pytestmark = [pytest.mark.servers, pytest.mark.django_db, pytest.mark.sample]

OFFICE_URL = "/id/direktori/dispendukcapil/"
OFFICE_API = "/api/directory/offices/dispendukcapil/"
ADMIN = ("hosts-admin", "hosts-admin-password-0123")


RESTORE = """
from django.contrib.auth import get_user_model
from directory.models import ServicePage
for page in ServicePage.objects.filter(translation_key="{key}", live=False):
    page.get_latest_revision().publish()
get_user_model().objects.filter(username="{username}").delete()
"""


@pytest.fixture
def service(test_database_url):
    """A published service of the office, published again afterwards in both languages."""
    office = OfficePage.objects.get(stable_slug="dispendukcapil", locale__language_code="id")
    page = ServicePage.objects.live().child_of(office).order_by("path").first()
    servers.create_superuser(test_database_url, ADMIN[0], ADMIN[1], "h@example.go.id")
    yield page
    servers.manage(test_database_url, "shell", "-c", RESTORE.format(key=page.translation_key, username=ADMIN[0]))


def log_in(port):
    form = servers.request(port, "/admin/login/")
    cookies = form.cookies()
    body = urlencode({"username": ADMIN[0], "password": ADMIN[1], "csrfmiddlewaretoken": cookies["csrftoken"]})
    response = servers.request(port, "/admin/login/", "POST", body, cookies=cookies)
    assert response.status == 302, response.text[:500]
    return {**cookies, **response.cookies()}


def unpublish(port, cookies, page):
    body = urlencode({"csrfmiddlewaretoken": cookies["csrftoken"], "include_descendants": "on"})
    response = servers.request(port, f"/admin/pages/{page.pk}/unpublish/", "POST", body, cookies=cookies)
    assert response.status == 302, response.text[:500]


def service_found_by_search(port, service):
    query = quote(service.title)
    results = json.loads(servers.request(port, f"/api/search/?q={query}&type=service&limit=50").body)["results"]
    return service.stable_slug in {result["id"] for result in results}


def what_visitors_see(port, service):
    office_page = servers.request(port, OFFICE_URL)
    assert office_page.status == 200
    api = json.loads(servers.request(port, OFFICE_API).body)
    return {
        "office page lists it": service.url_path.split("/")[-2] in office_page.text,
        "its page": servers.request(port, service.url).status,
        "API lists it": service.stable_slug in {item["slug"] for item in api["services"]},
        "search finds it": service_found_by_search(port, service),
    }


def test_a_service_unpublished_on_one_host_is_gone_from_both_at_once(two_hosts, service):
    assert re.match(r"^/id/", service.url)
    visible = {"office page lists it": True, "its page": 200, "API lists it": True, "search finds it": True}
    for port in two_hosts:
        for _attempt in range(3):  # both workers of each host cache the pages and build their search engine
            assert what_visitors_see(port, service) == visible

    unpublish(two_hosts[0], log_in(two_hosts[0]), service)

    gone = {"office page lists it": False, "its page": 404, "API lists it": False, "search finds it": False}
    for port in (*two_hosts, *two_hosts):
        assert what_visitors_see(port, service) == gone
