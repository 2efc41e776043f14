"""The office poster: a one-page A4 sheet for the service counter."""

import segno
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe


def office_poster(request, office):
    """A one-page A4 poster for the service counter: the officers' numbers and a QR code to the office page."""
    context = office.get_context(request)
    context["page_url"] = office.get_full_url(request)
    qr_code = segno.make(context["page_url"], error="m")
    context["qr_code"] = mark_safe(qr_code.svg_inline(omitsize=True, svgclass="poster__qr-code"))
    return TemplateResponse(request, "directory/office_poster.html", context)
