"""The directory's fixed lists: types of office (and offices grouped by them), ranks of contact, days of the week."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OfficeKind(models.TextChoices):
    """Types of regency office, in the order the directory lists them."""

    DINAS = "dinas", _("Department (dinas)")
    BADAN = "badan", _("Agency (badan)")
    SEKRETARIAT = "sekretariat", _("Secretariat")
    INSPEKTORAT = "inspektorat", _("Inspectorate")
    SATPOL = "satpol", _("Civil Service Police Unit")
    KECAMATAN = "kecamatan", _("District office (kecamatan)")
    RSUD = "rsud", _("Regional hospital")


OFFICE_KIND_ORDER = [kind.value for kind in OfficeKind]


def group_offices_by_kind(offices):
    """[(kind, label, [office, …]), …] in the directory's order of types, offices A–Z."""
    grouped = {kind: [] for kind in OFFICE_KIND_ORDER}
    for office in offices:
        grouped.setdefault(office.kind, []).append(office)
    return [
        (kind, OfficeKind(kind).label, sorted(items, key=lambda o: o.title.casefold()))
        for kind, items in grouped.items()
        if items
    ]


class ContactLevel(models.TextChoices):
    """Rank of a contact person, from the head of office down."""

    HEAD = "head", _("Head of office")
    SECRETARY = "secretary", _("Secretary")
    DIVISION_HEAD = "division_head", _("Head of division")
    SECTION_HEAD = "section_head", _("Head of section")
    TECHNICAL = "technical", _("Technical officer")


CONTACT_LEVEL_RANK = {level.value: rank for rank, level in enumerate(ContactLevel)}


class Weekday(models.TextChoices):
    MON = "Mon", _("Monday")
    TUE = "Tue", _("Tuesday")
    WED = "Wed", _("Wednesday")
    THU = "Thu", _("Thursday")
    FRI = "Fri", _("Friday")
    SAT = "Sat", _("Saturday")
    SUN = "Sun", _("Sunday")
