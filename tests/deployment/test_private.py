"""Production settings, two gunicorn hosts, one Redis page cache: an office made private through the
admin on one host no longer shows its contacts' numbers in English, in the API or in vCards on
either host, though those answers were cached before."""

import json
from urllib.parse import urlencode

import pytest
from wagtail.models import Locale

from core import phone
from directory.models import ContactPerson, OfficePage
from tests.support import servers

from .test_several_hosts import ADMIN, log_in

pytestmark = [pytest.mark.servers, pytest.mark.django_db, pytest.mark.sample]

OFFICE = "kecamatan-licin"
PASSWORD = "rahasia-kecamatan"  # noqa: S105 - the test's own shared password

RESTORE = """
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction
PageViewRestriction.objects.filter(page__translation_key="{key}").delete()
get_user_model().objects.filter(username="{username}").delete()
"""


@pytest.fixture
def office(test_database_url):
    """The office in English; an administrator to make it private; public again afterwards."""
    english = OfficePage.objects.get(stable_slug=OFFICE, locale=Locale.objects.get(language_code="en"))
    servers.create_superuser(test_database_url, ADMIN[0], ADMIN[1], "p@example.go.id")
    yield english
    servers.manage(test_database_url, "shell", "-c", RESTORE.format(key=english.translation_key, username=ADMIN[0]))


def set_password_in_admin(port, cookies, page):
    """The admin's privacy dialog, as an editor sends it, on the Indonesian page."""
    fields = {"restriction_type": "password", "password": PASSWORD}
    body = urlencode({"csrfmiddlewaretoken": cookies["csrftoken"], **fields})
    response = servers.request(port, f"/admin/pages/{page.pk}/privacy/", "POST", body, cookies=cookies)
    assert response.status == 200, response.text[:500]
    assert json.loads(response.body)["step"] == "set_privacy_done"


def numbers_shown(port, office, contact):
    """Where the contact's number can be read: the English page, the English API, the vCard."""
    number = phone.international(contact.phone)
    page = servers.request(port, office.url)
    api = servers.request(port, f"/api/directory/offices/{OFFICE}/?lang=en")
    vcard = servers.request(port, f"/en/vcard/{contact.key}.vcf")
    return {
        "English page": page.status == 200 and phone.tel_href(contact.phone) in page.text,
        "English API": api.status == 200 and contact.phone in {c["phone"] for c in json.loads(api.body)["contacts"]},
        "vCard": vcard.status == 200 and number in vcard.text,
    }


def test_an_office_made_private_on_one_host_hides_its_numbers_on_both(two_hosts, office):
    contact = ContactPerson.objects.filter(office=office).exclude(phone="").order_by("sort_order").first()
    shown = {"English page": True, "English API": True, "vCard": True}
    for port in two_hosts:
        for _attempt in range(3):  # both workers of each host cache the answers
            assert numbers_shown(port, office, contact) == shown

    indonesian = OfficePage.objects.get(translation_key=office.translation_key, locale=Locale.get_default())
    set_password_in_admin(two_hosts[0], log_in(two_hosts[0]), indonesian)

    hidden = {"English page": False, "English API": False, "vCard": False}
    for port in (*two_hosts, *two_hosts):
        assert numbers_shown(port, office, contact) == hidden
        page = servers.request(port, office.url)
        assert page.status == 200 and 'name="password"' in page.text
