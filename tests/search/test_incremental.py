"""Updating the engine in place answers exactly as an engine built from scratch."""

import copy
import json
from pathlib import Path

import pytest

from directory.search_documents import documents_from_directory
from search.engine.lexical import LexicalEngine

DIRECTORY_FILE = Path(__file__).resolve().parents[2] / "directory" / "data" / "directory.json"
OFFICES = ("dispendukcapil", "dinkes", "damkar", "dlh", "kecamatan-licin", "kecamatan-genteng")
QUERIES = [
    "ktp hilang",
    "akta kelahrian",
    "syrt kk bru",
    "dukcapil",
    "kepala dinas kesehatan",
    "ambulans",
    "birth certificate",
    "legalisasi dokumen licin",
    "sampah menumpuk",
    "pohon tumbang",
    "kantor damkar",
    "zzqx",
]


@pytest.fixture(scope="module")
def offices():
    with open(DIRECTORY_FILE, encoding="utf-8") as handle:
        data = json.load(handle)
    return {office["slug"]: office for office in data["opds"] if office["slug"] in OFFICES}


def documents(offices, slugs):
    return documents_from_directory([offices[slug] for slug in slugs])


def answers(engine):
    return {
        "search": [engine.search(query, limit=10) for query in QUERIES],
        "contacts": [engine.search(query, types=["contact"], limit=5) for query in QUERIES],
        "suggest": [engine.suggest(prefix) for prefix in ("akta k", "ktp", "pem", "lega")],
        "did_you_mean": [engine.did_you_mean(query) for query in ("akta kelahrian", "ambulan gratis", "ktp")],
    }


def test_adding_an_office_in_place_equals_building_with_it(offices):
    engine = LexicalEngine(documents(offices, OFFICES[1:]))
    engine.update(set(), documents(offices, OFFICES[:1]))
    assert answers(engine) == answers(LexicalEngine(documents(offices, OFFICES)))


def test_removing_and_changing_in_place_equals_building_without(offices):
    changed = copy.deepcopy(offices)
    service = changed["dinkes"]["services"][0]
    service["name"] = {"id": "Layanan ambulans gawat darurat 24 jam", "en": "24-hour emergency ambulance"}
    service["keywords"]["id"] = [*service["keywords"]["id"], "ambulan gratis"]
    engine = LexicalEngine(documents(offices, OFFICES))
    removed = {(doc["type"], doc["id"]) for doc in documents(offices, ["kecamatan-genteng"])}
    engine.update(removed, documents(changed, ["dinkes"]))
    rebuilt = LexicalEngine(documents(changed, [slug for slug in OFFICES if slug != "kecamatan-genteng"]))
    assert answers(engine) == answers(rebuilt)
    assert not any(doc["office"] == "kecamatan-genteng" for doc, _ in engine.search("legalisasi dokumen", limit=50))
