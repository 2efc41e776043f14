"""Contact persons as vCard 3.0 files (RFC 2426): "Save contact" on a phone.

``/<lang>/vcard/<key>.vcf`` gives the contact with that key in that language,
as long as its office page is live and public in every language.
"""

import re
from pathlib import Path

import vobject
from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core import phone
from core.offline import keep_offline
from core.privacy import visible_to_public

from ..models import ContactPerson, OfficePage

HONORIFICS_FILE = Path(__file__).resolve().parents[1] / "data" / "honorifics.txt"
# A degree written after the name without a comma has at least two abbreviated parts: "S.Kom.", "M.Si."
DEGREE = re.compile(r"(?:[A-Za-z]+\.){2,}")


def _honorifics():
    with open(HONORIFICS_FILE, encoding="utf-8") as handle:
        lines = (line.strip() for line in handle)
        return frozenset(line.casefold() for line in lines if line and not line.startswith("#"))


HONORIFICS = _honorifics()


def structured_name(name):
    """The N value: leading titles are the prefix (``Hj.``), degrees after the name the suffix (``S.E.``).

    ``"Dra. Hj. Nikmah Rosidah, M.M."`` → prefix ``Dra. Hj.``, given ``Nikmah Rosidah``, suffix ``M.M.``.
    """
    before_comma, _comma, after_comma = name.partition(",")
    words = before_comma.split()
    prefix = []
    while len(words) > 1 and words[0].casefold() in HONORIFICS:
        prefix.append(words.pop(0))
    suffix = []
    while len(words) > 1 and DEGREE.fullmatch(words[-1]):
        suffix.insert(0, words.pop())
    suffix += [degree.strip() for degree in after_comma.split(",") if degree.strip()]
    return vobject.vcard.Name(given=" ".join(words), prefix=" ".join(prefix), suffix=", ".join(suffix))


def _add(card, name, value, types=()):
    line = card.add(name)
    line.value = value
    if types:
        line.type_paramlist = list(types)
    return line


def vcard_text(contact, office, url):
    """The vCard of ``contact`` at ``office``, with CRLF line endings, ready to serve."""
    card = vobject.vCard()
    _add(card, "fn", contact.name)
    _add(card, "n", structured_name(contact.name))
    _add(card, "org", [_("Banyuwangi Regency Government"), office.title])
    _add(card, "title", contact.position)
    if contact.field_of_work:
        _add(card, "role", contact.field_of_work)
    work, mobile = phone.international(contact.phone), phone.international(contact.whatsapp)
    if work and work == mobile:
        _add(card, "tel", work, ["WORK", "VOICE", "CELL"])
    else:
        if work:
            _add(card, "tel", work, ["WORK", "VOICE"])
        if mobile:
            _add(card, "tel", mobile, ["CELL"])
    if contact.email:
        _add(card, "email", contact.email, ["INTERNET", "WORK"])
    if office.address:
        _add(card, "adr", vobject.vcard.Address(street=office.address), ["WORK"])
    if url:
        _add(card, "url", url)
    if contact.handles:
        _add(card, "note", contact.handles)
    if contact.last_verified:
        _add(card, "rev", contact.last_verified.isoformat())
    return card.serialize()


@require_GET
def contact_vcard(request, key):
    # A contact not translated yet is offered in its own language, as the page shows it.
    versions = list(ContactPerson.objects.filter(key=key).select_related("locale"))
    contact = next((c for c in versions if c.locale.language_code == get_language()), versions[0] if versions else None)
    office = visible_to_public(OfficePage.objects.filter(pk=contact.office_id)).first() if contact else None
    if office is None:
        raise Http404("No such contact.")
    office_url = office.get_full_url(request)
    url = f"{office_url}#contact-{contact.key}" if office_url else ""
    response = HttpResponse(vcard_text(contact, office, url), content_type="text/vcard; charset=utf-8")
    filename = f"{slugify(structured_name(contact.name).given) or contact.key}.vcf"
    response.headers["Content-Disposition"] = content_disposition_header(True, filename)
    return keep_offline(request, response)
