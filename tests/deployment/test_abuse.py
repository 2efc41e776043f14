"""The citizen's voice tried as an attacker would: production settings, gunicorn (2 workers), a proxy in front.

The proxy is us on 127.0.0.1 (``TRUSTED_PROXIES=127.0.0.1``), telling clients apart
by ``X-Forwarded-For``; a request from 127.0.0.2 is a client that is not our proxy.
Small limits in the servers' environment keep each test to a few seconds. The
counters live where production keeps them without Redis: a folder every worker shares.
"""

import shutil
import tempfile
import threading
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from directory.models import OfficePage, ServicePage
from feedback import ikm
from feedback.models import Complaint, SurveyResponse
from tests.support import servers

from .conftest import require_binaries

pytestmark = [pytest.mark.servers, pytest.mark.django_db, pytest.mark.sample]

LIMITS = {
    "TRUSTED_PROXIES": "127.0.0.1",
    "FEEDBACK_MIN_FILL_SECONDS": 0,
    "FEEDBACK_CLIENT_LIMIT": 5,
    "FEEDBACK_TARGET_LIMIT": 12,
    "COMPLAINT_CLIENT_DAILY_LIMIT": 3,
    "COMPLAINT_OFFICE_DAILY_LIMIT": 6,
    "AXES_FAILURE_LIMIT": 3,
}
ANSWERS = dict.fromkeys(ikm.ELEMENT_FIELDS, "4")
EDITORS = ("abuse-editor-one", "abuse-editor-two")
PASSWORD = "abuse-editor-password-0123"
FORGET = """
from django.contrib.auth import get_user_model
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from feedback.models import Complaint, ContactReport, SurveyResponse, UsedFormToken
for model in (Complaint, ContactReport, SurveyResponse, UsedFormToken, AccessAttempt, AccessFailureLog, AccessLog):
    model.objects.all().delete()
get_user_model().objects.filter(username__startswith="abuse-editor").delete()
"""


@pytest.fixture(scope="module")
def database_url(django_db_setup, django_db_blocker):
    if connection.vendor != "postgresql":
        pytest.skip("the servers share the test database: run with DATABASE_URL on PostgreSQL (bin/test does)")
    settings = connection.settings_dict
    url = f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings.get('PORT') or 5432}"
    url = f"{url}/{settings['NAME']}"
    yield url
    servers.manage(url, "shell", "-c", FORGET)  # what the servers committed, so that other tests start empty


@pytest.fixture(scope="module")
def site(database_url, static_root):
    """One gunicorn host behind "our proxy", its limit counters in a folder its workers share."""
    require_binaries("gunicorn")
    for username in EDITORS:
        servers.create_superuser(database_url, username, PASSWORD, "e@example.go.id")
    counters = tempfile.mkdtemp(prefix="melayani-limits-")
    environment = {"DATABASE_URL": database_url, "STATIC_ROOT": static_root, "LIMITS_CACHE_DIR": counters, **LIMITS}
    with servers.gunicorn(**environment) as port:
        yield port
    shutil.rmtree(counters, ignore_errors=True)


class Citizen:
    """A browser at ``address`` (behind our proxy, unless ``source`` sends it from elsewhere), without cookies kept."""

    def __init__(self, port, address, browser="Phone", source=None):
        self.port, self.address, self.browser, self.source = port, address, browser, source

    def request(self, path, method="GET", body=None, cookies=None):
        headers = {"X-Forwarded-For": self.address, "User-Agent": self.browser}
        return servers.request(self.port, path, method, body, headers, cookies, source=self.source)

    def open_form(self, path):
        """The form's hidden fields and cookies, as a browser gets them."""
        page = self.request(path)
        assert page.status == 200, page.text[:300]
        form = BeautifulSoup(page.text, "html.parser").select_one("main form[method=post]")
        fields = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
        return {**fields, "website": ""}, page.cookies()

    def send(self, path, answers, form=None):
        fields, cookies = form or self.open_form(path)
        return self.request(path, "POST", urlencode({**fields, **answers}), cookies)


def services(count):
    office = OfficePage.objects.get(stable_slug="dispendukcapil", locale__language_code="id")
    return list(ServicePage.objects.live().child_of(office).order_by("path")[:count])


@pytest.fixture(scope="module")
def survey_services(site, django_db_blocker):
    """A service of its own for each survey test, so that their counts and ceilings stay apart."""
    with django_db_blocker.unblock():
        return iter(services(8))


@pytest.fixture
def service(survey_services):
    return next(survey_services)


def survey_url(service):
    return f"/id/feedback/survey/{service.stable_slug}/"


def counted(service):
    return SurveyResponse.objects.filter(service=service).count()


def test_a_replayed_token_counts_once(site, service):
    first = Citizen(site, "203.0.113.10")
    form = first.open_form(survey_url(service))
    assert first.send(survey_url(service), ANSWERS, form).status == 302
    replays = {Citizen(site, f"203.0.113.{n}", f"Phone {n}").send(survey_url(service), ANSWERS, form).status
               for n in range(11, 16)}  # fmt: skip
    assert replays == {409}
    assert counted(service) == 1


def test_one_token_posted_by_ten_at_the_same_moment_counts_once(site, service):
    form = Citizen(site, "203.0.113.20").open_form(survey_url(service))
    statuses = []
    posters = [
        threading.Thread(target=lambda n=n: statuses.append(
            Citizen(site, f"203.0.113.{n}", f"Phone {n}").send(survey_url(service), ANSWERS, form).status))
        for n in range(21, 31)
    ]  # fmt: skip
    for poster in posters:
        poster.start()
    for poster in posters:
        poster.join()
    assert sorted(statuses) == [302] + [409] * 9
    assert counted(service) == 1


def test_a_hundred_quick_posts_from_one_client_count_at_most_once(site, service):
    script = Citizen(site, "203.0.113.40")
    token_source = Citizen(site, "203.0.113.41")  # a fresh form each time, cookies dropped
    statuses = [script.send(survey_url(service), ANSWERS, token_source.open_form(survey_url(service))).status
                for _ in range(100)]  # fmt: skip
    assert set(statuses) <= {302, 409, 429}
    assert counted(service) <= 1


def test_a_client_spending_its_allowance_does_not_lock_out_another(site, service):
    script = [Citizen(site, "203.0.113.50", f"Browser {n}") for n in range(7)]  # a new browser each time
    statuses = [browser.send(survey_url(service), ANSWERS).status for browser in script]
    assert statuses == [302] * 5 + [429] * 2
    assert Citizen(site, "203.0.113.51").send(survey_url(service), ANSWERS).status == 302
    assert counted(service) == 6


def test_a_distributed_flood_meets_the_services_ceiling(site, service):
    statuses = [Citizen(site, f"198.51.100.{n}").send(survey_url(service), ANSWERS).status for n in range(1, 15)]
    assert statuses == [302] * 12 + [429] * 2
    assert counted(service) == 12


def test_a_forged_forwarded_for_from_a_client_that_is_not_our_proxy_is_ignored(site, service):
    outsider = [Citizen(site, "203.0.113.60", f"Browser {n}", source="127.0.0.2") for n in range(6)]
    assert [browser.send(survey_url(service), ANSWERS).status for browser in outsider] == [302] * 5 + [429]
    forged = Citizen(site, "203.0.113.61", "Another browser", source="127.0.0.2")
    assert forged.send(survey_url(service), ANSWERS).status == 429
    assert counted(service) == 5


def complaint_url(office_slug):
    return f"/id/feedback/complaint/{office_slug}/"


def complaint(message):
    return {"category": "service", "message": message, "name": "", "contact": ""}


def complaints_to(office_slug):
    return Complaint.objects.filter(office__stable_slug=office_slug).count()


def test_a_complaint_flood_is_stopped_by_the_client_and_office_ceilings(site):
    url = complaint_url("setda")
    flooder = Citizen(site, "203.0.113.70")
    statuses = [flooder.send(url, complaint(f"Flood message {n}")).status for n in range(5)]
    assert statuses == [302] * 3 + [429] * 2
    others = [Citizen(site, f"203.0.113.{n}").send(url, complaint(f"Message {n}")).status for n in range(71, 76)]
    assert others == [302] * 3 + [429] * 2
    assert complaints_to("setda") == 6


def test_the_same_complaint_twice_is_folded_into_the_first(site):
    url = complaint_url("kecamatan-licin")
    first = Citizen(site, "203.0.113.80").send(url, complaint("Kantor tutup jam 10 pagi."))
    again = Citizen(site, "203.0.113.81").send(url, complaint("kantor tutup jam 10 pagi"))
    assert first.status == again.status == 302
    assert dict(again.headers)["Location"] == dict(first.headers)["Location"]
    status_page = Citizen(site, "203.0.113.81").request(dict(again.headers)["Location"])
    assert Complaint.objects.get(office__stable_slug="kecamatan-licin").reference in status_page.text
    assert complaints_to("kecamatan-licin") == 1


def sign_in(editor, username, password):
    form, cookies = editor.open_form("/admin/login/")
    return editor.send("/admin/login/", {"username": username, "password": password}, (form, cookies))


def test_the_admin_login_locks_after_wrong_passwords_but_not_others(site):
    attacker = Citizen(site, "203.0.113.90", "Laptop")
    assert [sign_in(attacker, EDITORS[0], "wrong").status for _ in range(3)] == [200, 200, 429]
    locked = sign_in(attacker, EDITORS[0], PASSWORD)
    assert locked.status == 429
    assert 'role="alert"' in locked.text
    assert sign_in(Citizen(site, "203.0.113.91", "Laptop"), EDITORS[0], PASSWORD).status == 302
    assert sign_in(attacker, EDITORS[1], PASSWORD).status == 302
