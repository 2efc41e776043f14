"""Production settings on gunicorn: the "open now" line and the share link, rendered and from the page cache."""

import html
import re

import pytest
from django.utils import timezone, translation

from directory.models import OfficePage
from directory.models.schedule import open_state
from tests.support import servers

pytestmark = [pytest.mark.servers, pytest.mark.django_db, pytest.mark.sample]

OFFICE_PATH = "/id/direktori/dispendukcapil/"
OPEN_NOW = re.compile(r'<p class="open-now open-now--(?:open|closed)" data-open-now="[^"]*">([^<]+)</p>')
SHARE = re.compile(r'<a class="button button--share" href="([^"]+)"')


def expected_line():
    office = OfficePage.objects.get(stable_slug="dispendukcapil", locale__language_code="id")
    with translation.override("id"):
        return open_state(office, timezone.now()).label


def test_the_office_page_says_whether_it_is_open_rendered_and_from_the_cache(host):
    before = expected_line()
    pages = [servers.request(host, OFFICE_PATH) for _attempt in ("rendered", "cached")]
    after = expected_line()
    assert [page.status for page in pages] == [200, 200]
    for page in pages:
        assert OPEN_NOW.findall(page.text) in ([before], [after]), page.text[:200]


def test_contact_cards_share_through_whatsapp_and_our_own_script(host):
    page = servers.request(host, OFFICE_PATH)
    shares = [html.unescape(href) for href in SHARE.findall(page.text)]
    assert shares and all(href.startswith("https://wa.me/?text=") for href in shares)
    script = re.search(r'<script src="(/static/js/share\.[0-9a-f]{12}\.js)" defer>', page.text)
    assert script, "share.js from the collected manifest"
    assert b"navigator.share" in servers.request(host, script.group(1)).body
