"""Shared fixtures: the fixed top of the page tree for every test; the sample directory for tests marked ``sample``.

Most tests build what they need with the factories in ``tests/factories/``, once per module
or package where the tests only read (``tests/support/database.built_once``). The few that
truly need the whole sample (a slice of ``directory/data/directory.json``: search quality
over real texts, the importer and export, the API and open data over real offices, real
servers) are marked ``sample``; when the run holds one, the slice is imported once,
committed, as the session's database is set up. So a factory-built test must not assume
that it has the directory to itself.
"""

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
    data["opds"] = [office_record for office_record in data["opds"] if office_record["slug"] in slugs]
    return data


_SAMPLE = sample_subset()


@pytest.fixture
def sample_data():
    """A fresh, mutable copy of the imported slice, as a directory file."""
    return copy.deepcopy(_SAMPLE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """Home pages, the directory and announcement indexes and their categories, in both languages;
    the sample slice too when a test of the run is marked ``sample``.

    Imported here, before any test or module fixture opens a transaction, so that it is
    committed for the whole session and never rolled back with a fixture's data.
    """
    from melayani.structure import ensure_site_structure

    with django_db_blocker.unblock():
        ensure_site_structure()
        wanted = any(item.get_closest_marker("sample") and uses_database(item) for item in request.session.items)
        if wanted and not sample_in_template():
            import_sample()


def sample_in_template():
    """Whether the test database is a copy of bin/test's PostgreSQL template (the test settings name it),
    which holds the sample already (``tests/support/postgres_template.py``)."""
    from django.db import connection

    return bool(connection.settings_dict.get("TEST", {}).get("TEMPLATE"))


def import_sample():
    """Import the sample slice with its search embeddings; the caller unblocks the database."""
    from directory.transfer import import_directory
    from melayani.structure import ensure_site_structure
    from search.site_search import refresh_embeddings

    _home, directory_index = ensure_site_structure()
    import_directory(copy.deepcopy(_SAMPLE), directory_index)
    # As the import command does: embeddings stored once, read by every engine build.
    refresh_embeddings()


def uses_database(item):
    return item.get_closest_marker("django_db") is not None or bool(DATABASE_FIXTURES & set(item.fixturenames))


DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup"}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests that flush the database run after all others, the database-free ones included.

    pytest-django runs tests without a database after the transactional ones; a package's
    fixture they share (an office built once for feedback's tests) would find the page tree
    of ``django_db_setup`` flushed away.
    """
    flushing = [item for item in items if item.get_closest_marker("flushes_database")]
    if flushing:
        items[:] = [item for item in items if not item.get_closest_marker("flushes_database")] + flushing


# bin/test collects each stage apart from its own folder only: a test marked for one elsewhere would never run.
STAGE_FOLDERS = {"servers": "deployment", "browser": "browser", "search_engine": "search"}


def pytest_collection_finish(session):
    misplaced = [
        f"{item.nodeid} is marked {marker}: move it to tests/{folder}/"
        for item in session.items
        for marker, folder in STAGE_FOLDERS.items()
        if item.get_closest_marker(marker) and item.path.parent.name != folder
    ]
    if misplaced:
        raise pytest.UsageError("\n".join(misplaced))
