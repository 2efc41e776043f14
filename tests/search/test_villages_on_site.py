"""Through the site's whole search (words and meaning fused, same services folded), a village
weighs like the name of its kecamatan, also against a service of the whole regency."""

import pytest

from search import site_search

pytestmark = [pytest.mark.django_db, pytest.mark.sample]


def services(query, language):
    return [hit.id for hit in site_search.search(query, language).hits if hit.type == "service"]


# The civil registry legalises family cards for the whole regency, and the meaning of
# "legalisir kk" leans to it; a citizen who names their village (Kluncing is in Licin)
# is shown their kecamatan's counter first, as one who names Licin is, and the regency's
# service after it.
@pytest.mark.parametrize(
    "query",
    [
        "legalisir kk warga kecamatan licin",
        "legalisir kk warga desa kluncing",
        "legalisir kk warga desa klncing",  # misspelt
    ],
)
def test_a_village_puts_its_kecamatans_service_above_the_regencys_as_the_kecamatans_name_does(query):
    shown = services(query, "id")
    assert shown[0].startswith("kecamatan-licin-")
    assert "legalisir-dokumen-kependudukan" in shown[1:]


def test_a_village_named_in_english_puts_its_kecamatans_service_first():
    shown = services("heirs certificate for a family in banjar village", "en")
    assert shown[0] == "kecamatan-licin-surat-keterangan-ahli-waris"
