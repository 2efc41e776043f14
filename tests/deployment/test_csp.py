"""Production settings on gunicorn: /api/docs runs Swagger UI from the collected static files, under the policy."""

import re

import pytest

from tests.support import servers

pytestmark = [pytest.mark.servers, pytest.mark.django_db, pytest.mark.sample]

POLICY = "Content-Security-Policy"


def assets_of(page):
    return re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"', page.text)


def test_the_api_docs_load_swagger_ui_from_the_collected_manifest(host):
    docs = servers.request(host, "/api/docs")
    assert docs.status == 200
    assets = assets_of(docs)
    bundle = next(asset for asset in assets if "swagger-ui-bundle" in asset)
    # The manifest's hashed name, which WhiteNoise serves for a year.
    assert re.fullmatch(r"/static/ninja/swagger-ui-bundle\.[0-9a-f]{12}\.js", bundle)
    assert all(asset.startswith("/static/") for asset in assets), assets
    for asset in assets:
        assert servers.request(host, asset).status == 200, asset
    assert b"SwaggerUIBundle" in servers.request(host, bundle).body


def test_the_api_docs_and_public_pages_carry_the_policy(host):
    # The home page twice: rendered, then from the page cache.
    for path in ("/api/docs", "/id/", "/id/", "/id/direktori/dispendukcapil/"):
        response = servers.request(host, path)
        assert response.status == 200, path
        policy = response.header(POLICY)
        assert policy and "script-src 'self'" in policy and "nonce-" not in policy, (path, policy)


def test_the_admin_login_is_not_under_the_public_policy(host):
    response = servers.request(host, "/admin/login/")
    assert response.status == 200
    assert response.header(POLICY) is None
