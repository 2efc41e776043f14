"""Indonesian phone numbers: one international form for links, the local form for people.

Citizens read numbers the way they dial them at home (``0333-000-1129``,
``0800-2725-4697``); ``tel:`` and ``wa.me`` links need the international form
(``+623330001129``, ``6280027254697``).
"""

import re

COUNTRY_CODE = "62"
_DIGITS = re.compile(r"\D+")


def digits_international(number):
    """Digits of the number with the country code and no trunk prefix, or ''."""
    if not number:
        return ""
    raw = number.strip()
    digits = _DIGITS.sub("", raw)
    if not digits:
        return ""
    if raw.startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:]
    if digits.startswith("0"):
        return COUNTRY_CODE + digits[1:]
    if digits.startswith(COUNTRY_CODE) and len(digits) > 9:
        return digits
    # Short service numbers such as 112 are dialled as they are.
    return digits


def tel_href(number):
    """A ``tel:`` URI, international for ordinary numbers, as-is for short codes."""
    digits = digits_international(number)
    if not digits:
        return ""
    if len(digits) <= 5:
        return f"tel:{digits}"
    return f"tel:+{digits}"


def whatsapp_href(number):
    digits = digits_international(number)
    if len(digits) <= 5:
        return ""
    return f"https://wa.me/{digits}"


def local_display(number):
    """The number as dialled inside Indonesia: ``+62 800-2725-4697`` → ``0800-2725-4697``."""
    if not number:
        return ""
    raw = number.strip()
    if raw.startswith("+" + COUNTRY_CODE):
        rest = raw[len(COUNTRY_CODE) + 1 :].strip().lstrip("-").strip()
        return "0" + rest.replace(" ", "-")
    return raw
