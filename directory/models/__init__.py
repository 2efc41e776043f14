"""The regency directory: offices (OPD), their contact persons and their services.

One module per kind of page; ``from directory.models import OfficePage`` keeps working.
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
