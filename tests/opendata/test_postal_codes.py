"""Offices whose address has no postal code get one from the regency's villages data (HSDS requires it)."""

import pytest

from opendata.identifiers import hsds_id

pytestmark = [pytest.mark.django_db, pytest.mark.sample]


def address_of(client, office_slug):
    response = client.get(f"/api/hsds/organizations/{hsds_id('organization', office_slug)}")
    assert response.status_code == 200
    return response.json()["locations"][0]["addresses"][0]


def test_a_district_office_without_a_postal_code_gets_its_villages_code(client):
    address = address_of(client, "kecamatan-licin")
    assert "68454" not in address["address_1"]  # the sample's address has none
    assert address["postal_code"] == "68454"  # every village of Licin has 68454


def test_a_postal_code_written_in_the_address_is_kept(client):
    address = address_of(client, "dispendukcapil")
    assert address["postal_code"] in address["address_1"]
