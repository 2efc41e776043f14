"""Fixtures of the citizen's voice: an office with a contact and a service, forms filled in as a citizen does.

The office is built once for the package (in both languages, in a transaction around the
package's tests) and rolled back afterwards, so that other packages do not see it.
"""

import pytest
from django.core.cache import caches

from directory.editorial.roles import grant_office_editor
from directory.models import ContactLevel, OfficeKind
from tests.directory.conftest import (  # noqa: F401 -- fixtures
    communications_member,
    roles,
)
from tests.factories.directory import (
    ContactPersonFactory,
    OfficePageFactory,
    ServicePageFactory,
    translate,
)
from tests.support.database import built_once
from tests.support.html import soup

SERVICE = "kehilangan-ktp-el-percobaan"
OFFICE = "dinas-suara-warga"
OTHER_OFFICE = "kecamatan-suara-warga"


def build_offices():
    office = OfficePageFactory(title="Dinas Suara Warga", slug=OFFICE)
    contact = ContactPersonFactory(office=office, level=ContactLevel.TECHNICAL, position="Petugas Loket")
    service = ServicePageFactory(parent=office, title="KTP-el hilang atau rusak", slug=SERVICE, officers=[contact])
    translate(office, {"title": "Citizens' Voice Office"}, contacts={contact: {"position": "Counter officer"}})
    translate(service, {"title": "Lost or damaged e-ID card"})
    OfficePageFactory(title="Kecamatan Suara Warga", slug=OTHER_OFFICE, kind=OfficeKind.KECAMATAN)
    return office


@pytest.fixture(scope="package", autouse=True)
def citizens_office(django_db_setup, django_db_blocker):
    yield from built_once(django_db_blocker, build_offices)


@pytest.fixture
def editor_a(roles):  # noqa: F811 -- the fixture
    return grant_office_editor("editor-a", OFFICE).user


@pytest.fixture
def editor_b(roles):  # noqa: F811 -- the fixture
    return grant_office_editor("editor-b", OTHER_OFFICE).user


@pytest.fixture(autouse=True)
def fresh_limits(settings):
    """No minimum fill time unless a test sets one; rate-limit counters start at zero."""
    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    for alias in ("default", "limits"):
        caches[alias].clear()
    yield
    for alias in ("default", "limits"):
        caches[alias].clear()


def form_fields(response):
    """The hidden token of a rendered citizen's form, as the browser would post it back."""
    token = soup(response).select_one("form input[name=form_token]")
    return {"form_token": token["value"], "website": ""}


@pytest.fixture
def fill(client):
    """``fill(url, **answers)``: open the form at ``url`` and send it with ``answers``."""

    def _fill(url, **answers):
        return client.post(url, {**form_fields(client.get(url)), **answers})

    return _fill
