"""A contact as a message a citizen forwards: name, position, office and numbers, in the browsing language.

The card's "share" link opens WhatsApp's share page with it (``https://wa.me/?text=…``), which
works without script; ``static/js/share.js`` offers the phone's own share sheet instead where the
browser has the Web Share API. No third-party script either way.
"""

from urllib.parse import quote

from django.utils.translation import gettext as _

WHATSAPP_SHARE = "https://wa.me/?text="


def share_text(contact, office):
    """Lines of the message: who, their position, the office, then the numbers (WhatsApp only when another)."""
    lines = [contact.name, contact.position, office.display_name]
    if contact.phone_display:
        lines.append(_("Phone: %(number)s") % {"number": contact.phone_display})
    if contact.whatsapp_display and contact.whatsapp_display != contact.phone_display:
        lines.append(_("WhatsApp: %(number)s") % {"number": contact.whatsapp_display})
    return "\n".join(line for line in lines if line)


def mark_sharing(contacts, office):
    """Give each contact ``share_href``, the WhatsApp share link of its card (the script reads its text)."""
    for contact in contacts:
        contact.share_href = WHATSAPP_SHARE + quote(share_text(contact, office), safe="")
    return contacts
