"""Contact persons as vCard 3.0 files (RFC 2426): "Save contact" on a phone.

``/<lang>/vcard/<key>.vcf`` gives the contact with that key in that language,
as long as its office page is live and public.
"""

from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import phone
from .models import ContactPerson, OfficePage

CRLF = "\r\n"
LINE_OCTETS = 75


def escape(value):
    """A TEXT value: backslash, comma, semicolon and line breaks escaped."""
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    for char, escaped in (("\\", "\\\\"), (",", "\\,"), (";", "\\;"), ("\n", "\\n")):
        text = text.replace(char, escaped)
    return text


def fold(line):
    """Lines longer than 75 octets go on in lines that start with a space, never inside a UTF-8 character."""
    if len(line.encode()) <= LINE_OCTETS:
        return line
    pieces, current, size = [], [], 0
    for char in line:
        octets = len(char.encode())
        if size + octets > LINE_OCTETS:
            pieces.append("".join(current))
            current, size = [], 1  # the leading space of the continuation line
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces)


def international(number):
    """``0333-000-1129`` → ``+623330001129``; short codes such as 112 stay as they are."""
    href = phone.tel_href(number)
    return href.removeprefix("tel:")


def structured_name(name):
    """The N value: academic degrees after the first comma are the name's suffix (``Budi, S.E.``)."""
    given, _comma, suffix = name.partition(",")
    return ";".join(["", escape(given.strip()), "", "", escape(suffix.strip())])


def vcard_text(contact, office, url):
    """The vCard of ``contact`` at ``office``, with CRLF line endings, ready to serve."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{escape(contact.name)}",
        f"N:{structured_name(contact.name)}",
        f"ORG:{escape(_('Banyuwangi Regency Government'))};{escape(office.title)}",
        f"TITLE:{escape(contact.position)}",
    ]
    work, mobile = international(contact.phone), international(contact.whatsapp)
    if work and work == mobile:
        lines.append(f"TEL;TYPE=WORK,VOICE,CELL:{work}")
    else:
        if work:
            lines.append(f"TEL;TYPE=WORK,VOICE:{work}")
        if mobile:
            lines.append(f"TEL;TYPE=CELL:{mobile}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{escape(contact.email)}")
    if office.address:
        lines.append(f"ADR;TYPE=WORK:;;{escape(office.address)};;;;")
    if url:
        lines.append(f"URL:{url}")
    if contact.handles:
        lines.append(f"NOTE:{escape(contact.handles)}")
    if contact.last_verified:
        lines.append(f"REV:{contact.last_verified.isoformat()}")
    lines.append("END:VCARD")
    return CRLF.join(fold(line) for line in lines) + CRLF


@require_GET
def contact_vcard(request, key):
    # A contact not translated yet is offered in its own language, as the page shows it.
    versions = list(ContactPerson.objects.filter(key=key).select_related("locale"))
    contact = next((c for c in versions if c.locale.language_code == get_language()), versions[0] if versions else None)
    office = OfficePage.objects.live().public().filter(pk=contact.office_id).first() if contact else None
    if office is None:
        raise Http404("No such contact.")
    office_url = office.get_full_url(request)
    url = f"{office_url}#contact-{contact.key}" if office_url else ""
    response = HttpResponse(vcard_text(contact, office, url), content_type="text/vcard; charset=utf-8")
    filename = f"{slugify(contact.name.partition(',')[0]) or contact.key}.vcf"
    response.headers["Content-Disposition"] = content_disposition_header(True, filename)
    return response
