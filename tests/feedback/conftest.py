"""Fixtures of the citizen's voice: a service and an office of the sample slice, forms filled in as a citizen does."""

import re

import pytest
from django.core.cache import cache

from tests.directory.conftest import (  # noqa: F401 -- fixtures
    communications_member,
    editor_a,
    editor_b,
    roles,
)

SERVICE = "ktp-el-hilang-rusak"
OFFICE = "dispendukcapil"


@pytest.fixture(autouse=True)
def fresh_limits(settings):
    """No minimum fill time unless a test sets one; rate-limit counters start at zero."""
    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


def form_fields(html):
    """The hidden token of a rendered citizen's form, as the browser would post it back."""
    token = re.search(r'name="form_token" value="([^"]+)"', html)
    return {"form_token": token.group(1), "website": ""}


@pytest.fixture
def fill(client):
    """``fill(url, **answers)``: open the form at ``url`` and send it with ``answers``."""

    def _fill(url, **answers):
        page = client.get(url)
        assert page.status_code == 200
        return client.post(url, {**form_fields(page.content.decode()), **answers})

    return _fill
