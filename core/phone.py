"""Phone numbers as Indonesians dial them, built on ``phonenumbers``.

Citizens read a number the way they dial it at home (``(0333) 0001129``,
``0800-2725-4697``); ``tel:`` links take the international E.164 form
(``+623330001129``) and ``wa.me`` links its digits (``623330001129``).
Service numbers dialled only within Indonesia, short ones such as ``112``
(police), ``115`` (Basarnas) or ``123`` (PLN) and ``1500-123`` call centres,
are dialled as they are and have no WhatsApp.

A field holds one number. It is accepted when it is *possible* (the right
length for its country, not only for local dialling) or a service number of
the region: the sample data uses reserved ``+62 800…`` numbers that are
possible but assigned to no operator. Such numbers have no national pattern,
so they are shown as the editor wrote them, with the trunk ``0`` at home.
"""

import functools
import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumbers import (
    Leniency,
    PhoneNumberFormat,
    PhoneNumberMatcher,
    PhoneNumberType,
    ValidationResult,
    shortnumberinfo,
)

REGION = "ID"
COUNTRY_CODE = phonenumbers.country_code_for_region(REGION)
# Characters that join two numbers in one field ("0333-421234 / 424172").
LIST_SEPARATORS = re.compile(r"[/,;]")
# Three-digit service numbers (115 Basarnas, 123 PLN, 129 SAPA), not all in phonenumbers' short-number data.
SERVICE_NUMBER = re.compile(r"1\d\d")
# The country code as written in front of a national number: "+62 ", "+62-".
WRITTEN_COUNTRY_CODE = re.compile(rf"^\+\s*{COUNTRY_CODE}[\s.-]*")
UAN_PREFIX = "1500"


def parse(number):
    """The parsed number, or ``None`` for an empty value or text that is no phone number."""
    if not number or not number.strip():
        return None
    try:
        return phonenumbers.parse(number, REGION)
    except phonenumbers.NumberParseException:
        return None


def _is_short(parsed):
    """A short service number of the region, written without trunk ``0`` (``112``, ``115``, ``14017``)."""
    if parsed.country_code != COUNTRY_CODE or parsed.italian_leading_zero:
        return False
    return shortnumberinfo.is_valid_short_number_for_region(parsed, REGION) or bool(
        SERVICE_NUMBER.fullmatch(str(parsed.national_number))
    )


def _is_domestic(parsed):
    """Short numbers and call centres (``1500-123``): dialled as they are, only within Indonesia."""
    return _is_short(parsed) or (
        parsed.country_code == COUNTRY_CODE and phonenumbers.number_type(parsed) == PhoneNumberType.UAN
    )


def _is_ordinary(parsed):
    """Possible for its country, and not only locally (``08123``) nor with an extra leading zero (``0812345``)."""
    return (
        not parsed.italian_leading_zero
        and phonenumbers.is_possible_number_with_reason(parsed) == ValidationResult.IS_POSSIBLE
    )


def _holds_several(number):
    found = PhoneNumberMatcher(number, REGION, leniency=Leniency.POSSIBLE)
    return bool(LIST_SEPARATORS.search(number)) or len(list(found)) > 1


@functools.lru_cache(maxsize=4096)
def _accepted(number):
    """The parsed number when ``number`` is one dialable number, else ``None``. Do not modify the result."""
    parsed = parse(number)
    if parsed is None or _holds_several(number):
        return None
    return parsed if _is_short(parsed) or _is_ordinary(parsed) else None


def is_dialable(number):
    """True for one number of a possible length, or a service number of the region (``112``, ``1500-123``)."""
    return _accepted(number) is not None


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


def _dialled_at_home(parsed):
    """The digits dialled within Indonesia for a domestic-only number: ``1500123``, ``112``."""
    return re.sub(r"\D", "", phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL))


def international(number):
    """``0333-000-1129`` → ``+623330001129``; service numbers as dialled (``112``, ``1500123``); ``""`` otherwise."""
    parsed = _accepted(number)
    if parsed is None:
        return ""
    if _is_domestic(parsed):
        return _dialled_at_home(parsed)
    return phonenumbers.format_number(parsed, PhoneNumberFormat.E164)


def tel_href(number):
    """A ``tel:`` URI in E.164, or the service number as it is (``tel:112``); ``""`` when not a number."""
    dialled = international(number)
    return f"tel:{dialled}" if dialled else ""


def whatsapp_href(number):
    """A ``https://wa.me/`` link (digits of E.164); ``""`` for service numbers and non-numbers."""
    parsed = _accepted(number)
    if parsed is None or _is_domestic(parsed):
        return ""
    return "https://wa.me/" + phonenumbers.format_number(parsed, PhoneNumberFormat.E164).removeprefix("+")


def _as_written(number, parsed):
    """The editor's number with tidy spaces, ``+62`` replaced by the trunk ``0``: ``0800-1003-8755``."""
    tidy = " ".join(number.split())
    if parsed.country_code == COUNTRY_CODE:
        return WRITTEN_COUNTRY_CODE.sub("0", tidy)
    return tidy


def display(number):
    """The number as read in Indonesia: national format at home, international for other countries.

    Service numbers are shown as dialled (``112``, ``1500-123``); a possible number that no operator
    has (no national pattern) as written, with the trunk ``0``; what is no number as the editor wrote it.
    """
    parsed = _accepted(number)
    if parsed is None:
        return (number or "").strip()
    if _is_short(parsed):
        return _dialled_at_home(parsed)
    digits = _dialled_at_home(parsed)
    if _is_domestic(parsed) and digits.startswith(UAN_PREFIX):
        return f"{UAN_PREFIX}-{digits.removeprefix(UAN_PREFIX)}"
    if not phonenumbers.is_valid_number(parsed):
        return _as_written(number, parsed)
    style = PhoneNumberFormat.NATIONAL if parsed.country_code == COUNTRY_CODE else PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(parsed, style)
