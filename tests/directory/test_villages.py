"""The regency's villages as data: counts, the Blimbingsari override, look-ups and postal codes."""

from directory.villages import gazetteer, postal_code


def test_the_regency_has_25_kecamatan_and_217_villages_and_kelurahan():
    assert len(gazetteer().kecamatan) == 25
    assert len(gazetteer().villages) == 217


def test_blimbingsari_has_the_ten_villages_it_took_from_rogojampi_and_kabat():
    names = {village.name for village in gazetteer().villages_of("Blimbingsari")}
    assert {"Gintangan", "Kaotan", "Badean", "Sukojati"} <= names
    assert len(names) == 10
    assert gazetteer().kecamatan_of_village("Gintangan") == ["Blimbingsari"]
    assert len(gazetteer().villages_of("Rogojampi")) == 10
    assert len(gazetteer().villages_of("Kabat")) == 14


def test_a_village_name_in_two_kecamatan_lists_both():
    assert gazetteer().kecamatan_of_village("Tamansari") == ["Licin", "Tegalsari"]


def test_a_village_of_another_regency_is_unknown():
    assert gazetteer().kecamatan_of_village("Arosbaya") == []  # a village of Bangkalan


def test_names_written_apart_are_also_known_joined():
    assert gazetteer().kecamatan_of_village("sumberarum") == ["Songgon"]
    assert gazetteer().kecamatan_of_village("Sumber Arum") == ["Songgon"]


def test_postal_code_from_the_village_in_the_address_then_the_kecamatan():
    assert postal_code("Jl. Jenderal Ahmad Yani No. 40, Kepatihan, Kecamatan Banyuwangi") == "68411"
    assert postal_code("Jl. Raya Licin No. 1, Kecamatan Licin, Kabupaten Banyuwangi") == "68454"
    assert postal_code("Jl. Raya Bandara No. 7", office_name="Kecamatan Blimbingsari") == "68462"
    assert postal_code("Jl. Brawijaya No. 33, Banyuwangi 68416") == "68416"
    assert postal_code("Jl. Raya Bangkalan No. 1") == ""
