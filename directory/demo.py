"""The directory's demo: the vendored sample file (``data/directory.json``), both languages."""

from pathlib import Path

from wagtail.models import Locale

from core.demo import DemoLoaded

from .models import DirectoryIndexPage
from .transfer import import_directory, load_directory_file

DEMO_FILE = Path(__file__).resolve().parent / "data" / "directory.json"


def load(progress=None, options=None):
    """Import the sample file (or ``options["file"]``) under the directory index the site structure made."""
    path = (options or {}).get("file") or DEMO_FILE
    directory_index = DirectoryIndexPage.objects.get(locale=Locale.get_default())
    report = import_directory(load_directory_file(path), directory_index=directory_index, progress=progress)
    return DemoLoaded(
        f"Offices: {report.offices}\nServices: {report.services}\nContacts: {report.contacts}", report.changed
    )
