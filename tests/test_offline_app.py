"""The installable web app: its service worker at the root, a manifest per language, the offline page."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import override_settings

from melayani.offline import SAVED_LIST, SAVED_NOTE, worker_script
from tests.factories.directory import OfficePageFactory
from tests.support.html import page, visible_text

pytestmark = pytest.mark.django_db


def test_the_service_worker_is_served_from_the_root_as_a_script_checked_on_every_visit(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert re.search(r'"version": "[0-9a-f]{12}"', response.content.decode())


def test_a_new_stylesheet_gives_the_worker_a_new_version():
    def version():
        return re.search(r'"version": "([0-9a-f]+)"', worker_script()).group(1)

    before = version()
    with override_settings(STATIC_URL="/static-next/"):
        assert version() != before


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_manifest_opens_the_app_on_the_home_page_of_its_language(client, language):
    response = client.get(f"/{language}/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert (manifest["start_url"], manifest["lang"], manifest["scope"]) == (f"/{language}/", language, "/")
    assert manifest["name"] == "Banyuwangi Melayani"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"any", "192x192", "512x512"}


def test_the_manifest_icons_are_static_files():
    for name in ("icons/app.svg", "icons/app-192.png", "icons/app-512.png"):
        assert finders.find(name), name


def test_every_page_links_the_manifest_and_the_deferred_worker_script(client):
    office = OfficePageFactory()
    html = page(client, office.url)
    assert html.select_one("link[rel=manifest]")["href"] == "/id/manifest.webmanifest"
    script = html.select_one("script[data-worker]")
    assert (script["data-worker"], script.has_attr("defer")) == ("/sw.js", True)


def test_a_page_carries_the_hidden_saved_note_the_worker_fills_in(client):
    content = client.get(OfficePageFactory().url).content.decode()
    assert content.count(SAVED_NOTE["hidden"]) == 1
    assert content.count(SAVED_NOTE["time"]) == 1


@pytest.mark.parametrize(
    ("language", "heading", "note"),
    [
        ("id", "Tidak ada koneksi", "Nomor mungkin sudah berubah sejak itu"),
        ("en", "No connection", "Numbers may have changed since"),
    ],
)
def test_the_offline_page_speaks_the_browsing_language_and_offers_112(client, language, heading, note):
    response = client.get(f"/{language}/offline/")
    html = page(client, f"/{language}/offline/")
    assert html.html["lang"] == language
    assert visible_text(html.h1) == heading
    assert html.select_one("main a[href='tel:112']") is not None
    assert note in visible_text(html.main)
    assert html.select_one("meta[name=robots]")["content"] == "noindex"
    content = response.content.decode()
    assert SAVED_LIST["hidden"] in content and SAVED_LIST["none"] in content
    assert SAVED_NOTE["hidden"] not in content
