"""The directory's demo: the vendored sample file (``data/directory.json``) and the life events, both languages."""

from pathlib import Path

from core.demo import DemoLoaded

from .transfer import import_directory, load_directory_file, site_directory_index
from .transfer.life_events import ensure_life_event_index, life_events_data, load_life_events

DEMO_FILE = Path(__file__).resolve().parent / "data" / "directory.json"


def load(progress=None, options=None):
    """Import the sample file (or ``options["file"]``) under the site's directory page (the shell makes it),
    then the life events that list its services."""
    path = (options or {}).get("file") or DEMO_FILE
    directory_index = site_directory_index()
    report = import_directory(load_directory_file(path), directory_index=directory_index, progress=progress)
    data = life_events_data()
    events = load_life_events(ensure_life_event_index(directory_index.get_parent(), data["index"]), data["events"])
    summary = (
        f"Offices: {report.offices}\nServices: {report.services}\nContacts: {report.contacts}\n"
        f"Life events: {events.created} created, {events.updated} updated, {events.unchanged} unchanged"
    )
    if events.missing_services:
        summary += f" (services not in the directory: {', '.join(events.missing_services)})"
    return DemoLoaded(summary, report.changed or events.changed)
