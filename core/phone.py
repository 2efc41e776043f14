"""Phone numbers as Indonesians dial them, built on ``phonenumbers``.

Citizens read a number the way they dial it at home (``(0333) 0001129``,
``0800-2725-4697``); ``tel:`` links take the international E.164 form
(``+623330001129``) and ``wa.me`` links its digits (``623330001129``). Short
service numbers such as ``112`` are dialled as they are and have no WhatsApp.

A number is accepted when it is *possible* (the right length for its country)
or a short number of the region: the sample data uses reserved ``+62 800…``
numbers that are possible but assigned to no operator.
"""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumbers import PhoneNumberFormat, shortnumberinfo

REGION = "ID"
COUNTRY_CODE = phonenumbers.country_code_for_region(REGION)


def parse(number):
    """The parsed number, or ``None`` for an empty value or text that is no phone number."""
    if not number or not number.strip():
        return None
    try:
        return phonenumbers.parse(number, REGION)
    except phonenumbers.NumberParseException:
        return None


def _is_short(parsed):
    return shortnumberinfo.is_valid_short_number_for_region(parsed, REGION)


def is_dialable(number):
    """True for a number of a possible length, or a short number of the region (``112``)."""
    parsed = parse(number)
    return parsed is not None and (phonenumbers.is_possible_number(parsed) or _is_short(parsed))


def validate_phone_number(value):
    """Model and form validator: an empty value passes, an impossible number does not."""
    if value and not is_dialable(value):
        raise ValidationError(
            _(
                "“%(value)s” is not a phone number that can be dialled. Write it as dialled in Indonesia, "
                "such as 0333-123456 or 0812-3456-7890, or with the country code, such as +62 812-3456-7890."
            ),
            code="invalid_phone_number",
            params={"value": value},
        )


def _ordinary(number):
    """The parsed number when it is possible and not a short code, else ``None``."""
    parsed = parse(number)
    if parsed is None or _is_short(parsed) or not phonenumbers.is_possible_number(parsed):
        return None
    return parsed


def international(number):
    """``0333-000-1129`` → ``+623330001129``; short numbers as dialled (``112``); ``""`` when not a number."""
    parsed = parse(number)
    if parsed is None:
        return ""
    if _is_short(parsed):
        return str(parsed.national_number)
    if not phonenumbers.is_possible_number(parsed):
        return ""
    return phonenumbers.format_number(parsed, PhoneNumberFormat.E164)


def tel_href(number):
    """A ``tel:`` URI in E.164, or the short number as it is (``tel:112``); ``""`` when not a number."""
    dialled = international(number)
    return f"tel:{dialled}" if dialled else ""


def whatsapp_href(number):
    """A ``https://wa.me/`` link (digits of E.164); ``""`` for short numbers and non-numbers."""
    parsed = _ordinary(number)
    if parsed is None:
        return ""
    return "https://wa.me/" + phonenumbers.format_number(parsed, PhoneNumberFormat.E164).removeprefix("+")


def display(number):
    """The number as read in Indonesia: national format at home, international for other countries.

    What cannot be parsed is shown as the editor wrote it.
    """
    parsed = parse(number)
    if parsed is None:
        return (number or "").strip()
    if _is_short(parsed):
        return str(parsed.national_number)
    if not phonenumbers.is_possible_number(parsed):
        return number.strip()
    style = PhoneNumberFormat.NATIONAL if parsed.country_code == COUNTRY_CODE else PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(parsed, style)
