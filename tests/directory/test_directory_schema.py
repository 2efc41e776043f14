"""The directory file format is published as a JSON Schema that matches what the importer accepts."""

import json

import jsonschema

from directory.transfer import schema_text
from directory.transfer.writing import SCHEMA_FILE
from tests.conftest import load_sample


def published_schema():
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_the_published_schema_is_the_one_declared_in_the_code():
    """Regenerate with ``manage.py directory_schema -o docs/schema/directory.schema.json``."""
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()


def test_the_published_schema_accepts_the_sample_directory():
    validator = jsonschema.Draft202012Validator(published_schema())
    assert [error.message for error in validator.iter_errors(load_sample())] == []


def test_the_published_schema_refuses_an_unknown_field_and_a_bad_level():
    sample = load_sample()
    sample["opds"][0]["price"] = "free"
    sample["opds"][0]["contacts"][0]["level"] = "boss"
    validator = jsonschema.Draft202012Validator(published_schema())
    paths = {tuple(error.absolute_path) for error in validator.iter_errors(sample)}
    assert paths == {("opds", 0), ("opds", 0, "contacts", 0, "level")}


def test_the_published_schema_refuses_a_nul_character_and_a_comma_in_an_alias():
    sample = load_sample()
    sample["opds"][0]["contacts"][0]["name"] = "Budi\u0000"
    sample["opds"][0]["aliases"] = ["Setda, Sekretariat"]
    validator = jsonschema.Draft202012Validator(published_schema())
    paths = {tuple(error.absolute_path) for error in validator.iter_errors(sample)}
    assert paths == {("opds", 0, "contacts", 0, "name"), ("opds", 0, "aliases", 0)}
