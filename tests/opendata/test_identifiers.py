"""HSDS ids come from stable identifiers: the same in both languages and after a fresh import."""

import pytest

from directory.models import OfficePage
from directory.transfer import import_directory
from tests.conftest import sample_subset

pytestmark = [pytest.mark.django_db, pytest.mark.sample]

LICIN = "kecamatan-licin"


def published_ids(client, lang="id"):
    """Every id the API publishes for the Licin district office, its services and their nested records."""
    organizations = client.get("/api/hsds/organizations/", {"lang": lang}).json()["contents"]
    licin = next(org for org in organizations if org["name"] in ("Kecamatan Licin", "Licin District"))
    organization = client.get(f"/api/hsds/organizations/{licin['id']}", {"lang": lang}).json()
    services = [client.get(f"/api/hsds/services/{s['id']}", {"lang": lang}).json() for s in organization["services"]]
    return collect_ids([organization, *services])


def collect_ids(value):
    if isinstance(value, list):
        return {found for item in value for found in collect_ids(item)}
    if not isinstance(value, dict):
        return set()
    own = {value["id"]} if "id" in value else set()
    return own | {found for child in value.values() for found in collect_ids(child)}


def test_ids_are_the_same_in_both_languages(client):
    indonesian = published_ids(client)
    assert len(indonesian) > 20
    assert published_ids(client, "en") == indonesian


def test_ids_survive_deleting_and_importing_the_office_again(client):
    before = published_ids(client)
    old_pages = set(OfficePage.objects.filter(stable_slug=LICIN).values_list("pk", flat=True))
    for office in OfficePage.objects.filter(stable_slug=LICIN).order_by("-locale__language_code"):
        office.delete()
    import_directory(sample_subset([LICIN]))
    assert old_pages.isdisjoint(OfficePage.objects.filter(stable_slug=LICIN).values_list("pk", flat=True))
    assert published_ids(client) == before
