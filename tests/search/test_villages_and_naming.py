"""A village named in a query stands for its kecamatan, by its whole name; a service named by its
office's alias precedes the office."""

import json
from pathlib import Path

import pytest

from directory.search_documents import documents_from_directory
from search.engine.grouping import ServiceGroups
from search.engine.lexical import LexicalEngine

DIRECTORY_FILE = Path(__file__).resolve().parents[2] / "directory" / "data" / "directory.json"
OFFICES = (
    "kecamatan-licin",
    "kecamatan-tegalsari",
    "kecamatan-glagah",
    "kecamatan-kabat",
    "kecamatan-muncar",
    "kecamatan-singojuruh",  # Sumber Baru, a village named in two ordinary words
    "dpmptsp",  # the regency's business licensing, which the kecamatan offer too
    "dishub",
    "rsud-genteng",
    "rsud-blambangan",
)


@pytest.fixture(scope="module")
def documents():
    with open(DIRECTORY_FILE, encoding="utf-8") as handle:
        offices = [office for office in json.load(handle)["opds"] if office["slug"] in OFFICES]
    return documents_from_directory(offices)


@pytest.fixture(scope="module")
def engine(documents):
    return LexicalEngine(documents)


def shown(engine, documents, query):
    """What the results page shows first: the ranked keys, same services folded."""
    keys = [(document["type"], document["id"]) for document, _ in engine.search(query, limit=30)]
    return ServiceGroups(documents).fold(keys, query)


def first_service(engine, documents, query):
    return next(group.key[1] for group in shown(engine, documents, query) if group.key[0] == "service")


@pytest.mark.parametrize(
    "query",
    [
        "legalisir surat untuk warga desa olehsari",
        "legalisir surat kelurahan olehsari",
        "legalisir surat dusun olehsari",
        "certification of letters Olehsari village",
        "legalisir surat desa olehsri",  # misspelt
    ],
)
def test_a_village_named_in_a_query_puts_its_kecamatans_service_first(engine, documents, query):
    assert first_service(engine, documents, query) == "kecamatan-glagah-legalisasi-dokumen"


def test_the_other_kecamatans_are_folded_under_the_villages(engine, documents):
    first = next(group for group in shown(engine, documents, "legalisasi dokumen desa olehsari") if group.also)
    assert first.key == ("service", "kecamatan-glagah-legalisasi-dokumen")
    assert ("service", "kecamatan-kabat-legalisasi-dokumen") in first.also


def test_a_village_name_two_kecamatan_share_lists_both(engine, documents):
    services = [group.key[1] for group in shown(engine, documents, "legalisasi dokumen desa tamansari")][:2]
    assert sorted(services) == ["kecamatan-licin-legalisasi-dokumen", "kecamatan-tegalsari-legalisasi-dokumen"]


def test_a_village_of_another_regency_is_not_matched(engine, documents):
    # Arosbaya is a village of Bangkalan: only Banyuwangi's villages are in the index.
    assert engine.search("arosbaya", limit=5) == []
    groups = shown(engine, documents, "legalisasi dokumen desa arosbaya")
    assert not any(group.key[1].startswith("kecamatan-") and not group.also for group in groups[:1])


def test_a_query_naming_a_service_puts_it_above_its_office(engine):
    # "uji kir" is an alias of Dishub and the name of its vehicle-testing service.
    keys = [(document["type"], document["id"]) for document, _ in engine.search("uji kir", limit=3)]
    assert keys[:2] == [("service", "uji-kir"), ("office", "dishub")]


@pytest.mark.parametrize("query", ["dishub", "dinas perhubungan", "rs genteng"])
def test_a_query_naming_the_office_puts_the_office_first(engine, query):
    document, _ = engine.search(query, limit=1)[0]
    assert document["type"] == "office"


@pytest.mark.parametrize(
    "query",
    [
        "alamat kecamatan desa olehsari",
        "alamat kantor kecamatan untuk warga kelurahan olehsari",
        "alamat kec. olehsari",
        "alamat kecamatannya desa olehsari",
        "kecamatan olehsari",
        "olehsari subdistrict",
        "address of the subdistrict office for Olehsari village",
    ],
)
def test_asking_for_the_office_of_a_village_puts_its_kecamatan_office_first(engine, query):
    document, _ = engine.search(query, limit=1)[0]
    assert (document["type"], document["id"]) == ("office", "kecamatan-glagah")


def test_asking_for_the_office_of_a_village_two_kecamatan_share_lists_both_offices(engine):
    keys = [(document["type"], document["id"]) for document, _ in engine.search("alamat kecamatan desa tamansari")]
    assert sorted(keys[:2]) == [("office", "kecamatan-licin"), ("office", "kecamatan-tegalsari")]


def promoted(engine, query):
    return {key for key, hit in engine.rank(query, None, 10).hits.items() if hit.promoted}


def test_a_village_names_its_kecamatan_office_only_when_the_kecamatan_is_asked_for(engine):
    assert ("office", "kecamatan-glagah") in promoted(engine, "alamat kecamatan desa olehsari")
    # The village's own head or office, which the directory does not hold, is not the kecamatan's.
    queries = ("kepala desa olehsari", "kantor desa olehsari", "olehsari", "desa olehsari")
    for query in (*queries, "alamat kantor desa", "kantor kecamatan"):
        assert not promoted(engine, query), query
    assert not promoted(engine, "alamat kecamatan desa arosbaya")  # a village of Bangkalan


def test_a_village_that_shares_an_offices_alias_names_the_office_unless_the_kecamatan_is_asked_for(engine):
    # Blambangan is an alias of RSUD Blambangan and a village of Muncar.
    assert promoted(engine, "direktur blambangan") == {
        ("office", "rsud-blambangan"),
        ("contact", "rsud-blambangan-direktur"),
    }
    document, _ = engine.search("alamat kecamatan blambangan", limit=1)[0]
    assert (document["type"], document["id"]) == ("office", "kecamatan-muncar")


# A village whose name is several ordinary words is named by the whole name, typed apart,
# together or misspelt; one of its words alone names no village.
def test_a_word_of_a_villages_name_alone_names_no_village(engine, documents):
    # "baru" (new) is half of Sumber Baru: a new business is the regency's licensing office's.
    assert first_service(engine, documents, "izin usaha baru") == "nib-oss"


@pytest.mark.parametrize(
    "query",
    [
        "bikin nib usaha mikro desa sumber baru",
        "bikin nib usaha mikro desa sumberbaru",  # typed as one word
        "bikin nib usaha mikro desa sumbr baru",  # misspelt
        "nib for a small business in sumber baru village",
    ],
)
def test_the_whole_name_of_a_village_puts_its_kecamatans_service_first(engine, documents, query):
    assert first_service(engine, documents, query) == "kecamatan-singojuruh-nib-usaha-mikro"


def test_two_typed_words_the_index_knows_as_one_count_as_that_word(engine):
    analyzed = engine.analyzer.analyze("desa sumbr baru")  # Sumber Baru, its first word misspelt
    joined = [clause for clause in analyzed.clauses if clause.covers == (1, 2)]
    assert [
        term for clause in joined for alternative in clause.alternatives for slot in alternative.slots for term in slot
    ] == ["sumberbaru"]
