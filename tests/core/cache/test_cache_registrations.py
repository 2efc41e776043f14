"""The page cache keeps out the paths and keys on the query parameters the apps register, and only those."""

import pytest
from wagtail import hooks

from core.cache import pages

from .conftest import OFFICE_URL, is_served_from_cache

pytestmark = pytest.mark.django_db


def test_the_apps_register_their_uncached_paths_and_query_parameters():
    assert {"search/", "feedback/"} <= set(pages.uncached_paths())
    assert {"kind", "category", "office", "year", "page"} <= pages.cache_query_params()


def test_a_path_an_app_registers_is_never_stored(client):
    with hooks.register_temporarily(pages.UNCACHED_PATHS_HOOK, lambda: ["direktori/"]):
        for _attempt in range(2):
            response = client.get(OFFICE_URL)
            assert "public" not in response.get("Cache-Control", "")
        assert not is_served_from_cache(client, OFFICE_URL)
    client.get(OFFICE_URL)
    assert is_served_from_cache(client, OFFICE_URL)


def test_an_unregistered_parameter_is_not_part_of_the_key(client):
    client.get(OFFICE_URL)
    assert is_served_from_cache(client, f"{OFFICE_URL}?tab=contacts")


def test_a_registered_parameter_is_part_of_the_key(client):
    client.get(OFFICE_URL)
    with hooks.register_temporarily(pages.CACHE_QUERY_PARAMS_HOOK, lambda: ["tab"]):
        # Another key: rendered, and not stored, since the office page does not accept it.
        assert not is_served_from_cache(client, f"{OFFICE_URL}?tab=contacts")
        assert not is_served_from_cache(client, f"{OFFICE_URL}?tab=contacts")
