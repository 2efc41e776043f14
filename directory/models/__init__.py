"""The regency directory: offices, their contact persons and their services.

One module per kind of page (``offices``, ``contacts``, ``services``, ``events``, ``hours``,
``translations``; ``choices`` holds the fixed lists); ``from directory.models import OfficePage``
keeps working. Beside them, what the pages are made of and say about themselves:

- ``blocks``: the StreamField blocks of the service standard;
- ``schedule``: an office's hours as ``core.hours`` values (the "open now" line, JSON-LD, HSDS);
- ``sharing``: a contact as a message a citizen forwards;
- ``structured_data``: the pages' schema.org JSON-LD. It is an output format, but the pages
  print it about themselves, and ``transfer/`` imports the models: here, the models need no
  import from ``transfer/``.
"""

from .choices import CONTACT_LEVEL_RANK, OFFICE_KIND_ORDER, ContactLevel, OfficeKind, Weekday
from .contacts import ContactPerson
from .events import EventStep, LifeEventIndexPage, LifeEventPage, LifeEventService
from .hours import OpeningHours, OpeningHoursException
from .offices import DirectoryIndexPage, OfficePage
from .services import ServiceOfficer, ServicePage
from .translations import SourceTextChange

__all__ = [
    "CONTACT_LEVEL_RANK",
    "OFFICE_KIND_ORDER",
    "ContactLevel",
    "ContactPerson",
    "DirectoryIndexPage",
    "EventStep",
    "LifeEventIndexPage",
    "LifeEventPage",
    "LifeEventService",
    "OfficeKind",
    "OfficePage",
    "OpeningHours",
    "OpeningHoursException",
    "ServiceOfficer",
    "ServicePage",
    "SourceTextChange",
    "Weekday",
]
