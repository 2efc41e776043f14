"""The directory's demo: the vendored sample file (``data/directory.json``), both languages."""

from pathlib import Path

from core.demo import DemoLoaded

from .transfer import import_directory, load_directory_file, site_directory_index

DEMO_FILE = Path(__file__).resolve().parent / "data" / "directory.json"


def load(progress=None, options=None):
    """Import the sample file (or ``options["file"]``) under the site's directory page (the shell makes it)."""
    path = (options or {}).get("file") or DEMO_FILE
    report = import_directory(load_directory_file(path), directory_index=site_directory_index(), progress=progress)
    return DemoLoaded(
        f"Offices: {report.offices}\nServices: {report.services}\nContacts: {report.contacts}", report.changed
    )
