"""The directory for use without signal: every office with its head and main number, a few kilobytes."""

from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse

from core.offline import keep_offline

from ..grouping import group_offices_by_kind


def office_entry(office):
    """An office with its head (the first ranked contact) and the number to call: the office's, else the head's."""
    ranked = office.ranked_contacts()
    head = ranked[0] if ranked else None
    caller = office if office.phone or head is None else head
    return {"office": office, "head": head, "phone_href": caller.phone_href, "phone_display": caller.phone_display}


def offline_directory(request, index):
    offices = list(index.offices())
    prefetch_related_objects(offices, "contacts")
    groups = [(kind, label, [office_entry(o) for o in items]) for kind, label, items in group_offices_by_kind(offices)]
    context = {"page": index, "office_groups": groups}
    response = TemplateResponse(request, "directory/directory_offline.html", context)
    return keep_offline(request, response)
