"""Production settings on gunicorn: a village's name finds its kecamatan, and HSDS addresses carry a postal code."""

import json
from urllib.parse import urlencode

import pytest

from opendata.identifiers import hsds_id
from tests.support import servers

pytestmark = [pytest.mark.servers, pytest.mark.django_db, pytest.mark.sample]


def get_json(port, path, **params):
    response = servers.request(port, f"{path}?{urlencode(params)}" if params else path)
    assert response.status == 200, response.body[:300]
    return json.loads(response.body)


def test_a_village_of_licin_finds_licins_pages_and_licins_address_has_its_postal_code(host):
    # Kluncing is a village of Kecamatan Licin; "kluncng" is how a thumb may type it.
    for query in ("desa kluncing", "kluncng"):
        results = get_json(host, "/api/search/", q=query)["results"]
        assert results and results[0]["id"].startswith("kecamatan-licin"), (query, results[:3])
    organization = get_json(host, f"/api/hsds/organizations/{hsds_id('organization', 'kecamatan-licin')}")
    assert organization["locations"][0]["addresses"][0]["postal_code"] == "68454"
