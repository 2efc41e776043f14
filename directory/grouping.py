"""Offices grouped by type, in the order the directory lists the types."""

from .models.choices import OFFICE_KIND_ORDER, OfficeKind


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
