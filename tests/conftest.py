"""Shared fixtures: a small slice of the sample directory imported once per test session."""

import copy
import json
from pathlib import Path

import pytest

SAMPLE_FILE = Path(__file__).resolve().parent.parent / "directory" / "data" / "directory.json"
# A regency office with many contacts, the busiest service office, and a district office.
SAMPLE_OFFICES = ("setda", "dispendukcapil", "kecamatan-licin")


def load_sample():
    with open(SAMPLE_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def sample_subset(slugs=SAMPLE_OFFICES):
    data = load_sample()
    data["opds"] = [opd for opd in data["opds"] if opd["slug"] in slugs]
    return data


@pytest.fixture
def sample_data():
    """A fresh, mutable copy of the imported slice, as a directory file."""
    return copy.deepcopy(_SAMPLE)


_SAMPLE = sample_subset()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from directory.transfer import import_directory
    from melayani.structure import ensure_site_structure
    from search.service import refresh_embeddings

    with django_db_blocker.unblock():
        _home, directory_index = ensure_site_structure()
        import_directory(copy.deepcopy(_SAMPLE), directory_index)
        # As the import command does: embeddings stored once, read by every engine build.
        refresh_embeddings()
