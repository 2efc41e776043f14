"""Over HTTP: a query naming a village of Licin, and nothing else, answers with Licin's pages."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.sample]


@pytest.mark.parametrize("query", ["kluncing", "desa kluncing", "Kluncing village", "kluncng"])
def test_a_village_of_licin_alone_finds_licins_pages(client, query):
    response = client.get("/api/search/", {"q": query})
    assert response.status_code == 200
    results = response.json()["results"]
    assert results
    assert all(result["id"].startswith("kecamatan-licin") for result in results[:3])
