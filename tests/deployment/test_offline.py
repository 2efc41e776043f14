"""Production settings on gunicorn: the service worker finds its shell, and only shareable pages are marked to keep."""

import json
import re

import pytest

from tests.support import servers

pytestmark = [pytest.mark.servers, pytest.mark.django_db, pytest.mark.sample]

OFFICE = "/id/direktori/dispendukcapil/"
KEEP = "X-Keep-Offline"
SESSION_KEY = "offline-test-session-0001"
SESSION = f"""
from datetime import timedelta
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone
data = SessionStore().encode({{"seen": True}})
Session.objects.create(session_key="{SESSION_KEY}", session_data=data, expire_date=timezone.now() + timedelta(days=1))
"""
FORGET_SESSION = f"""
from django.contrib.sessions.models import Session
Session.objects.filter(pk="{SESSION_KEY}").delete()
"""


def worker_config(port):
    worker = servers.request(port, "/sw.js")
    assert worker.status == 200
    assert worker.header("Content-Type") == "text/javascript; charset=utf-8"
    return json.loads(re.search(r"const CONFIG = (\{.*\});", worker.text).group(1))


def test_the_worker_caches_the_collected_stylesheet_and_offline_pages_that_exist(host):
    config = worker_config(host)
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", config["stylesheet"])
    for path in (config["stylesheet"], *config["offlinePages"].values()):
        assert servers.request(host, path).status == 200, path


def test_the_manifest_icons_are_served(host):
    manifest = json.loads(servers.request(host, "/en/manifest.webmanifest").text)
    for icon in manifest["icons"]:
        assert servers.request(host, icon["src"]).status == 200, icon["src"]


def test_an_office_page_is_marked_to_keep_when_rendered_and_from_the_page_cache(host):
    for _attempt in range(2):
        response = servers.request(host, OFFICE)
        assert response.status == 200
        assert response.header(KEEP) == "1"
        assert "private" not in (response.header("Cache-Control") or "")


def test_an_office_page_seen_with_a_session_is_private_and_not_marked(host, test_database_url):
    servers.manage(test_database_url, "shell", "-c", SESSION)
    try:
        servers.request(host, OFFICE)  # stored in the page cache for everybody else
        response = servers.request(host, OFFICE, cookies={"sessionid": SESSION_KEY})
        assert response.status == 200
        assert response.header(KEEP) is None
        assert "private" in response.header("Cache-Control")
    finally:
        servers.manage(test_database_url, "shell", "-c", FORGET_SESSION)
