"""The complaint box: routing a complaint to its office's editors, and forgetting it after the retention period."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.editorial.roles import COMMUNICATIONS_TEAM, office_group_name

from .mails import queue_complaint_mail
from .models import Complaint, ContactReport

DEFAULT_RETENTION_DAYS = 365
DEFAULT_NOTE_RETENTION_DAYS = 90


def retention_days():
    return getattr(settings, "COMPLAINT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


def note_retention_days():
    """Days a citizen's note on a contact report is kept (the report itself stays, without it)."""
    return getattr(settings, "CONTACT_REPORT_NOTE_RETENTION_DAYS", DEFAULT_NOTE_RETENTION_DAYS)


def group_emails(group_name):
    users = get_user_model().objects.filter(is_active=True, groups__name=group_name).exclude(email="")
    return set(users.values_list("email", flat=True))


def recipients(office):
    """E-mail addresses of the office's editors; the communications team's when the office has none."""
    return sorted(group_emails(office_group_name(office)) or group_emails(COMMUNICATIONS_TEAM))


def notify_office(complaint):
    """Queue an e-mail to the office's editors (``mails.py``: never sent inside the request)."""
    subject = _("New complaint %(reference)s for %(office)s")
    return queue_complaint_mail(complaint, subject, "feedback/email/new_complaint.txt", recipients(complaint.office))


@transaction.atomic
def submit_complaint(office, data, language):
    """Store a complaint for ``office`` (default language), its due time and its e-mail, committed together."""
    complaint = Complaint.objects.create(office=office, language=language, **data)
    notify_office(complaint)
    return complaint


def answer_complaint(complaint, answer, user, now=None):
    complaint.answer = answer
    if complaint.answered_at is None:
        complaint.answered_at = now or timezone.now()
    complaint.answered_by = user
    complaint.save(update_fields=["answer", "answered_at", "answered_by"])
    return complaint


def overdue(complaints, now=None):
    """Complaints not answered by their due time: what ``Complaint.clock()`` calls ``overdue``."""
    return complaints.filter(answered_at__isnull=True, due_at__lt=now or timezone.now())


def purge_expired(now=None):
    """Delete complaints older than ``COMPLAINT_RETENTION_DAYS``; blank contact-report notes older than
    ``CONTACT_REPORT_NOTE_RETENTION_DAYS``.

    Returns ``(complaints deleted, report notes blanked)``.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=retention_days())
    deleted, _by_model = Complaint.objects.filter(submitted_at__lt=cutoff).delete()
    note_cutoff = now - datetime.timedelta(days=note_retention_days())
    blanked = ContactReport.objects.filter(reported_at__lt=note_cutoff).exclude(note="").update(note="")
    return deleted, blanked
