"""Is the contact data still right? Stale, unreachable and unassigned entries, and confirming a contact."""

import datetime
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import ContactPerson, OfficePage, ServicePage
from ..transfer.records import children_of

DEFAULT_STALE_AFTER_DAYS = 90
VERIFY_ACTION = "directory.verify_contact"

# Sent after a contact is confirmed: its public pages show a new date although nothing was
# published. Arguments: ``contacts`` (every language version) and ``user``.
contact_verified = Signal()


def stale_after_days():
    return getattr(settings, "DIRECTORY_STALE_AFTER_DAYS", DEFAULT_STALE_AFTER_DAYS)


def stale_before(today=None):
    """Contacts last verified before this date are stale."""
    return (today or timezone.localdate()) - datetime.timedelta(days=stale_after_days())


def is_stale_q():
    return Q(last_verified__lt=stale_before())


def is_unreachable_q():
    """No phone and no WhatsApp: citizens can only write or walk in."""
    return Q(phone="", whatsapp="")


def editable_offices(user):
    """Offices in the default language that the user may edit: their own, or all for the team and admins."""
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return OfficePage.objects.filter(
        locale=Locale.get_default(), alias_of__isnull=True, pk__in=pages.values("pk")
    ).order_by("title")


def offices_needing_attention(offices):
    """Those of ``offices`` with a stale or unreachable contact, or a service without a responsible officer."""
    contacts = ContactPerson.objects.filter(office=OuterRef("pk"))
    services_without_officer = ServicePage.objects.filter(
        path__startswith=OuterRef("path"),
        depth=OuterRef("depth") + 1,
        responsible_officers__isnull=True,
    )
    return offices.filter(Exists(contacts.filter(is_stale_q() | is_unreachable_q())) | Exists(services_without_officer))


@dataclass
class OfficeProblems:
    office: OfficePage
    stale_contacts: list = field(default_factory=list)
    unreachable_contacts: list = field(default_factory=list)
    services_without_officer: list = field(default_factory=list)


def problems_of(offices):
    """What needs attention in each office, in three queries whatever the number of offices."""
    problems = {office.pk: OfficeProblems(office) for office in offices}
    if not problems:
        return []
    cutoff = stale_before()
    contacts = ContactPerson.objects.filter(office_id__in=problems).filter(is_stale_q() | is_unreachable_q())
    for contact in contacts.order_by("last_verified", "sort_order"):
        entry = problems[contact.office_id]
        if contact.last_verified < cutoff:
            entry.stale_contacts.append(contact)
        if not contact.phone and not contact.whatsapp:
            entry.unreachable_contacts.append(contact)
    by_path = {entry.office.path: entry for entry in problems.values()}
    under_offices = children_of(entry.office for entry in problems.values())
    services = ServicePage.objects.filter(under_offices, responsible_officers__isnull=True).order_by("title")
    for service in services:
        by_path[service.path[: -ServicePage.steplen]].services_without_officer.append(service)
    return list(problems.values())


def stale_contacts_of(offices):
    return (
        ContactPerson.objects.filter(office__in=offices)
        .filter(is_stale_q())
        .select_related("office")
        .order_by("office__title", "last_verified", "sort_order")
    )


@transaction.atomic
def verify_contact(contact, user, today=None):
    """Record that ``contact`` is still right, in every language, and say so in the office's history.

    ``last_verified`` describes the data rather than being part of it, so it is
    written to the stored rows without a new revision: confirming needs no
    approval and leaves any draft under review as it is.
    """
    today = today or timezone.localdate()
    versions = list(ContactPerson.objects.filter(translation_key=contact.translation_key).select_related("office"))
    ContactPerson.objects.filter(pk__in=[version.pk for version in versions]).update(last_verified=today)
    for version in versions:
        log(
            instance=version.office,
            action=VERIFY_ACTION,
            user=user,
            # Wagtail's history shows one entry per request uuid and action across all
            # pages; each language's office page keeps its own entry.
            uuid=uuid.uuid4(),
            data={
                "contact": {"key": version.key, "name": version.name},
                "verified_on": today.isoformat(),
                "previously_verified_on": version.last_verified.isoformat() if version.last_verified else None,
            },
        )
    transaction.on_commit(lambda: contact_verified.send(sender=ContactPerson, contacts=versions, user=user))
    return today


class ContactVerifiedFormatter(LogFormatter):
    label = _("Confirm contact details")

    def format_message(self, log_entry):
        try:
            return _("Confirmed that the details of “%(name)s” are correct") % {
                "name": log_entry.data["contact"]["name"]
            }
        except (KeyError, TypeError):
            return _("Confirmed that a contact's details are correct")
