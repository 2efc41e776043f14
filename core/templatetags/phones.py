"""Phone numbers kept as plain text (the regency settings, an office's numbers) as links and as dialled.

Load with ``{% load phones %}``; the numbers are read by ``core.phone`` (phonenumbers).
"""

from django import template

from core import phone

register = template.Library()


@register.filter
def tel_href(number):
    """``"0333-000-1129"`` → ``"tel:+623330001129"``; ``"112"`` → ``"tel:112"``; ``""`` → ``""``."""
    return phone.tel_href(number or "")


@register.filter
def sms_href(number):
    """``"+62 800-4357-4643"`` → ``"sms:+6280043574643"``; ``""`` → ``""``."""
    href = phone.tel_href(number or "")
    return "sms:" + href[len("tel:") :] if href else ""


@register.filter
def whatsapp_href(number):
    """``"+62 800-7677-7192"`` → ``"https://wa.me/6280076777192"``; short codes → ``""``."""
    return phone.whatsapp_href(number or "")


@register.filter
def phone_display(number):
    """The number as dialled at home: ``"+62 800-7677-7192"`` → ``"0800-7677-7192"``."""
    return phone.display(number or "")
