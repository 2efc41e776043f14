"""Search engine behaviour on a slice of the sample directory."""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.search_documents import documents_from_directory as build_documents
from search.engine.lexical import LexicalEngine

DIRECTORY_FILE = Path(__file__).resolve().parents[2] / "directory" / "data" / "directory.json"
OFFICES = ("dispendukcapil", "dpmptsp", "dinkes", "damkar", "kecamatan-licin", "kecamatan-genteng")
HOSTILE_INPUTS = [
    "",
    " ",
    "a" * 1000,
    "akta " * 250,
    '"akta kelahiran"',
    "ktp*",
    "-ktp",
    "(ktp OR kk) AND NOT akta",
    "ktp NEAR/3 kk",
    "'; DROP TABLE directory_servicepage; --",
    "<script>alert(1)</script>",
    "🔥🚒 kebakaran 🔥",
    "出生证明",
    "свидетельство о рождении",
    "ktp\x00kk",
    "\\",
    "%_%",
    "?",
]


@pytest.fixture(scope="module")
def directory():
    with open(DIRECTORY_FILE, encoding="utf-8") as handle:
        data = json.load(handle)
    return {**data, "opds": [office for office in data["opds"] if office["slug"] in OFFICES]}


@pytest.fixture(scope="module")
def engine(directory):
    return LexicalEngine(build_documents(directory["opds"]))


@pytest.fixture(scope="module")
def indonesian_only_engine(directory):
    return LexicalEngine([document for document in build_documents(directory["opds"]) if document["locale"] == "id"])


def offices(directory):
    return {office["slug"]: office for office in directory["opds"]}


def service_named(directory, words):
    """The service whose Indonesian name contains the words (looked up, not hard-coded)."""
    matches = [
        service["slug"]
        for office in directory["opds"]
        for service in office["services"]
        if words in service["name"]["id"].lower()
    ]
    assert len(matches) == 1, matches
    return matches[0]


def keys(results):
    return [f"{document['type']}:{document['id']}" for document, _ in results]


def first_service(engine, query, **options):
    return next(document["id"] for document, _ in engine.search(query, **options) if document["type"] == "service")


def test_stemming_lets_derived_words_meet(engine, directory):
    birth = service_named(directory, "akta kelahiran")
    assert first_service(engine, "kelahiran") == first_service(engine, "lahir") == birth
    assert keys(engine.search("perizinan apotek"))[:3] == keys(engine.search("izin apotek"))[:3]


def test_typos_still_find_the_service(engine, directory):
    assert first_service(engine, "akta kelahrian") == service_named(directory, "akta kelahiran")
    assert first_service(engine, "ambulnas") == service_named(directory, "ambulans")


def test_abbreviations_are_understood(engine, directory):
    birth = service_named(directory, "akta kelahiran")
    assert first_service(engine, "syrt akta lhr") == birth
    assert first_service(engine, "srt ket ahli wrs licin") == service_named(directory, "ahli waris di kecamatan licin")


def test_old_names_and_spelling_variants(engine, directory):
    assert first_service(engine, "akte kelahiran") == service_named(directory, "akta kelahiran")
    assert first_service(engine, "e-KTP hilang") == service_named(directory, "ktp-el hilang")


def test_colloquial_query(engine, directory):
    assert first_service(engine, "gmn bikin ktp pertama kali") == service_named(directory, "ktp-el baru")


@pytest.mark.parametrize("slug", OFFICES)
def test_acronym_or_alias_puts_its_office_first(engine, directory, slug):
    office = offices(directory)[slug]
    # An alias that is also a service's keyword ("puskesmas") may put that service first, the office next.
    keywords = {keyword.lower() for service in office["services"] for keyword in service["keywords"]["id"]}
    for name in [office["acronym"], *office["aliases"]]:
        ranked = keys(engine.search(name))
        assert f"office:{slug}" in (ranked[:2] if name.lower() in keywords else ranked[:1]), name


def test_office_with_place_words_comes_first(engine):
    assert keys(engine.search("alamat kantor dukcapil"))[0] == "office:dispendukcapil"


def test_asking_for_the_head_puts_the_head_first(engine, directory):
    head = next(c["key"] for c in offices(directory)["dinkes"]["contacts"] if c["level"] == "head")
    assert keys(engine.search("kepala dinas kesehatan"))[0] == f"contact:{head}"


@pytest.mark.parametrize("slug", ["dispendukcapil", "dinkes", "damkar"])
def test_technical_officer_ranks_above_head_of_office(engine, directory, slug):
    office = offices(directory)[slug]
    head = next(f"contact:{c['key']}" for c in office["contacts"] if c["level"] == "head")
    for service in office["services"]:
        officer = f"contact:{service['contacts'][0]}"
        ranked = keys(engine.search(service["name"]["id"], types=["contact"], limit=20))
        assert officer in ranked, service["slug"]
        assert head not in ranked or ranked.index(officer) < ranked.index(head), service["slug"]


def test_service_named_for_the_word_beats_one_mentioning_it(engine, directory):
    assert first_service(engine, "imunisasi") == service_named(directory, "imunisasi anak")
    assert first_service(engine, "pemadaman kebakaran") == service_named(directory, "pemadaman kebakaran")


def test_english_query_finds_indonesian_only_content(indonesian_only_engine, directory):
    assert first_service(indonesian_only_engine, "birth certificate") == service_named(directory, "akta kelahiran")
    assert first_service(indonesian_only_engine, "death certificate") == service_named(directory, "akta kematian")
    assert first_service(indonesian_only_engine, "fire brigade") == service_named(directory, "pemadaman kebakaran")


def test_english_query_on_bilingual_documents(engine, directory):
    assert first_service(engine, "new family card") == service_named(directory, "penerbitan kartu keluarga baru")


def test_results_are_unique_and_in_the_requested_language(engine):
    results = engine.search("ktp", limit=30)
    assert len(keys(results)) == len(set(keys(results)))
    assert {document["locale"] for document, _ in engine.search("ktp", locale="en")} == {"en"}


def test_type_filter_and_limit(engine):
    results = engine.search("akta", types=["contact"], limit=4)
    assert 0 < len(results) <= 4
    assert {document["type"] for document, _ in results} == {"contact"}
    assert engine.search("akta", limit=0) == []


def test_synonym_groups_supplied_at_run_time(directory):
    documents = build_documents(directory["opds"])
    assert "service:ambulans-psc" not in keys(LexicalEngine(documents).search("wiu wiu"))
    with_group = LexicalEngine(documents, synonym_groups=[["wiu wiu", "ambulans"]])
    assert keys(with_group.search("wiu wiu"))[0] in {"service:ambulans-psc", "contact:dinkes-teknis-psc"}


def test_suggestions_complete_what_is_typed(engine):
    assert "akta kelahiran" in [suggestion.lower() for suggestion in engine.suggest("akta kel")]
    assert any("dukcapil" in suggestion.lower() for suggestion in engine.suggest("dukc"))
    assert len(engine.suggest("k", limit=3)) <= 3
    assert engine.suggest("") == []


def test_did_you_mean(engine):
    assert engine.did_you_mean("akta kelahrian") == "akta kelahiran"
    assert engine.did_you_mean("akta kelahiran") is None


@pytest.mark.parametrize("text", HOSTILE_INPUTS)
def test_hostile_input_never_raises(engine, text):
    assert isinstance(engine.search(text), list)
    assert isinstance(engine.suggest(text), list)
    assert engine.did_you_mean(text) is None or isinstance(engine.did_you_mean(text), str)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), limit=st.one_of(st.integers(-5, 50), st.none(), st.text(max_size=3)))
def test_any_text_never_raises(engine, text, limit):
    results = engine.search(text, limit=limit, types=["service", "contact"])
    assert all(document["type"] in {"service", "contact"} for document, _ in results)
    engine.suggest(text, limit=limit)
    engine.did_you_mean(text)


def test_a_death_and_a_new_home_stay_apart(engine):
    # Sastrawi's root of "meninggal" (to die) is "tinggal" (to live somewhere).
    assert keys(engine.search("bapak saya meninggal", limit=1)) == ["service:akta-kematian"]
    assert "service:akta-kematian" not in keys(engine.search("tempat tinggal baru", limit=3))
    assert keys(engine.search("pindah tempat tinggal", limit=1)) == ["service:surat-pindah-datang"]
