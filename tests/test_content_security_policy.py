"""The Content-Security-Policy: on public pages and the API docs, which load only the site's own files."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string

from core.csp import source_hash
from tests.factories.directory import OfficePageFactory
from tests.support.html import soup

pytestmark = pytest.mark.django_db

HEADER = "Content-Security-Policy"


def directives(response):
    """The response's policy as {directive: [sources]}."""
    policy = {}
    for part in response[HEADER].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


@pytest.fixture
def office():
    return OfficePageFactory()


def public_urls(office):
    return ["/id/", office.url, f"/id/feedback/complaint/{office.stable_slug}/", "/api/docs"]


def test_public_pages_and_the_api_docs_allow_only_the_sites_own_scripts(client, office):
    for url in public_urls(office):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["default-src"] == ["'self'"], url


def test_the_policy_allows_no_inline_style_no_plugins_and_no_framing(client):
    policy = directives(client.get("/id/"))
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == policy["form-action"] == ["'self'"]


def test_public_pages_carry_no_nonce(client, office):
    """A nonce stored in the page cache would be served to everyone: the policy uses none."""
    for url in public_urls(office):
        assert "nonce-" not in client.get(url)[HEADER], url


def test_the_api_docs_load_swagger_ui_only_from_the_sites_static_files(client):
    page = soup(client.get("/api/docs"))
    assets = [tag.get("src") or tag.get("href") for tag in page.select("script[src], link[href]")]
    assert any(asset.endswith("swagger-ui-bundle.js") for asset in assets)
    assert all(asset.startswith("/static/") for asset in assets), assets
    assert not re.search(r"https?://", page.decode())


def test_the_api_docs_run_no_inline_script(client):
    """Swagger UI reads its settings from a JSON data block, which a policy does not execute."""
    scripts = soup(client.get("/api/docs")).select("script")
    assert [script for script in scripts if not script.get("src") and script.get("type") != "application/json"] == []


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_the_error_pages_keep_their_own_stylesheet_allowed_by_hash(client, template):
    style = BeautifulSoup(render_to_string(template, {}), "html.parser").select_one("style").string
    assert source_hash(style) in directives(client.get("/id/"))["style-src"]


def test_the_admin_is_left_to_its_own_inline_scripts(client):
    admin = get_user_model().objects.create_superuser("csp-admin", "csp@example.go.id", "csp-password")
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert HEADER not in response
