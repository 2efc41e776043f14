"""Shared fixtures: the fixed top of the page tree for every test; the sample directory where a module needs it.

Most tests build what they need with the factories in ``tests/factories/``. The sample
directory (a slice of ``directory/data/directory.json``) is imported once, committed, the
first time a module listed in ``SAMPLE_MODULES`` runs, and stays for the rest of the session;
so a factory-built test must not assume that it has the directory to itself.
"""

import copy
import json
from pathlib import Path

import pytest

SAMPLE_FILE = Path(__file__).resolve().parent.parent / "directory" / "data" / "directory.json"
# A regency office with many contacts, the busiest service office, and a district office.
SAMPLE_OFFICES = ("setda", "dispendukcapil", "kecamatan-licin")

# Modules (or packages, ending in "/") that run on the imported sample, and why.
SAMPLE_MODULES = {
    # The sample itself is the subject: search quality over real texts, the importer, the API's records.
    "tests/search/": "search quality and relevance over the real sample",
    "tests/directory/test_import.py": "the importer's own tests",
    "tests/directory/test_export.py": "an export of the imported sample reads back the same",
    "tests/directory/test_api.py": "the API's records of real offices (owned by the API work)",
    "tests/test_openapi_contract.py": "the API's contract exercised on real offices",
    "tests/opendata/": "HSDS output of real offices checked against the official schemas",
    "tests/deployment/": "real servers serving the sample",
    # tests/browser/ imports the sample into the snapshot its transactional tests restore
    # (tests/browser/conftest.py): imported here, after the snapshot, it would be flushed away.
    "tests/test_layout.py": "the phone layout of real pages",
    "tests/announcements/test_demo.py": "the demo announcements are about real offices",
    # Not yet moved to factories.
    "tests/directory/test_action_menu.py": "",
    "tests/directory/test_admin_language.py": "",
    "tests/directory/test_contacts_panel.py": "",
    "tests/directory/test_english_follows.py": "",
    "tests/directory/test_freshness.py": "",
    "tests/directory/test_load_demo.py": "",
    "tests/directory/test_phone_numbers.py": "",
    "tests/directory/test_roles.py": "",
    "tests/directory/test_team_actions.py": "",
    "tests/directory/test_translation_status.py": "",
    "tests/directory/test_vcards.py": "",
    "tests/directory/test_workflow.py": "",
    "tests/core/cache/": "",
}
ROOT = Path(__file__).resolve().parent.parent


def load_sample():
    with open(SAMPLE_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def sample_subset(slugs=SAMPLE_OFFICES):
    data = load_sample()
    data["opds"] = [opd for opd in data["opds"] if opd["slug"] in slugs]
    return data


_SAMPLE = sample_subset()


@pytest.fixture
def sample_data():
    """A fresh, mutable copy of the imported slice, as a directory file."""
    return copy.deepcopy(_SAMPLE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Home pages, the directory and announcement indexes and their categories, in both languages."""
    from melayani.structure import ensure_site_structure

    with django_db_blocker.unblock():
        ensure_site_structure()


def import_sample():
    """Import the sample slice with its search embeddings; the caller unblocks the database."""
    from directory.transfer import import_directory
    from melayani.structure import ensure_site_structure
    from search.site_search import refresh_embeddings

    _home, directory_index = ensure_site_structure()
    import_directory(copy.deepcopy(_SAMPLE), directory_index)
    # As the import command does: embeddings stored once, read by every engine build.
    refresh_embeddings()


@pytest.fixture(scope="session")
def sample_directory(django_db_setup, django_db_blocker):
    """The sample slice imported (committed, for the rest of the session) with its search embeddings."""
    with django_db_blocker.unblock():
        import_sample()


def uses_sample(module_path):
    relative = Path(module_path).resolve().relative_to(ROOT).as_posix()
    return any(relative == name or (name.endswith("/") and relative.startswith(name)) for name in SAMPLE_MODULES)


def uses_database(item):
    return item.get_closest_marker("django_db") is not None or bool(DATABASE_FIXTURES & set(item.fixturenames))


DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup"}


@pytest.fixture(scope="module", autouse=True)
def _sample_for_listed_modules(request):
    # Module scope: set up before any test's transaction opens, so the import is committed.
    # A listed module whose tests never touch the database (the engine over the file) skips it.
    if not uses_sample(request.node.path):
        return
    if any(uses_database(item) for item in request.session.items if item.path == request.node.path):
        request.getfixturevalue("sample_directory")


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
