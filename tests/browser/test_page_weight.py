"""Fast and light on a cheap phone: small pages, nothing from other hosts, nothing that blocks rendering."""

import gzip
from urllib.parse import urlsplit

import pytest

from .pages import LANGUAGES, LOOPBACK_HOSTS, PAGES, announcements_index_path

# Only reads: shares the prepared database (tests/browser/conftest.py).
pytestmark = pytest.mark.browser

BUDGET_BYTES = 60 * 1024
FONT_BUDGET_BYTES = 50 * 1024
COUNTED_TYPES = {"document", "stylesheet", "script"}
BLOCKING_SCRIPTS = "head script[src]:not([async]):not([defer]):not([type=module])"


def public_paths(language):
    paths = [*PAGES[language].values(), PAGES[language]["office"] + "poster/"]
    announcements = announcements_index_path(language)
    return [*paths, announcements] if announcements else paths


def load(page, path):
    """What loading ``path`` cost: gzip bytes of HTML+CSS+JS and of fonts, hosts asked, blocking scripts."""
    requested, responses = [], []

    def on_request(request):
        requested.append(request.url)

    def on_response(response):
        responses.append(response)

    page.on("request", on_request)
    page.on("response", on_response)
    page.goto(path, wait_until="load")
    page.remove_listener("request", on_request)
    page.remove_listener("response", on_response)

    weight = font_weight = 0
    for response in responses:
        if response.status >= 300 and response.status != 404:
            continue
        resource_type = response.request.resource_type
        if resource_type in COUNTED_TYPES:
            weight += len(gzip.compress(response.body(), compresslevel=6))
        elif resource_type == "font":
            font_weight += len(gzip.compress(response.body(), compresslevel=6))
    hosts = {urlsplit(url).hostname for url in requested if urlsplit(url).scheme in ("http", "https")}
    blocking = page.eval_on_selector_all(BLOCKING_SCRIPTS, "scripts => scripts.map(script => script.src)")
    return {"weight": weight, "font_weight": font_weight, "foreign_hosts": hosts - LOOPBACK_HOSTS, "blocking": blocking}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_is_light_self_contained_and_never_blocked_by_a_script(phone_with_js, language):
    costs = {path: load(phone_with_js, path) for path in public_paths(language)}
    print("\n".join(f"{cost['weight'] / 1024:5.1f} KB  {path}" for path, cost in costs.items()))
    assert {path: cost["weight"] for path, cost in costs.items() if cost["weight"] >= BUDGET_BYTES} == {}
    assert {path: cost["font_weight"] for path, cost in costs.items() if cost["font_weight"] > FONT_BUDGET_BYTES} == {}
    assert {path: cost["foreign_hosts"] for path, cost in costs.items() if cost["foreign_hosts"]} == {}
    assert {path: cost["blocking"] for path, cost in costs.items() if cost["blocking"]} == {}
