"""Views of the directory's pages: the compact directory for use without signal, and an office's poster.

The page models route to them (``DirectoryIndexPage.offline``, ``OfficePage.poster``), so this
module imports no model package name that is not yet loaded when they import it.
"""

import segno
from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe

from core.offline import keep_offline

from .models.choices import group_offices_by_kind


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


def office_poster(request, office):
    """A one-page A4 poster for the service counter: the officers' numbers and a QR code to the office page."""
    context = office.get_context(request)
    context["page_url"] = office.get_full_url(request)
    qr_code = segno.make(context["page_url"], error="m")
    context["qr_code"] = mark_safe(qr_code.svg_inline(omitsize=True, svgclass="poster__qr-code"))
    return TemplateResponse(request, "directory/office_poster.html", context)
