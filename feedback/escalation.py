"""Escalation: a complaint still unanswered at its due time is mailed, once, to the office's head and the team.

``manage.py escalate_complaints`` runs ``escalate_overdue`` on a timer (docs/deploy.md).
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.editorial.roles import COMMUNICATIONS_TEAM
from directory.models import ContactLevel, ContactPerson

from .complaints import group_emails, overdue
from .mails import queue_complaint_mail
from .models import Complaint

logger = logging.getLogger(__name__)
SUBJECT = _("Overdue complaint %(reference)s for %(office)s")


def head_emails(office):
    """The e-mail of the office's head as a contact person; the office's own e-mail when the head has none."""
    heads = ContactPerson.objects.filter(office=office, level=ContactLevel.HEAD).exclude(email="")
    return set(heads.values_list("email", flat=True)) or ({office.email} if office.email else set())


def escalation_recipients(office):
    return sorted(head_emails(office) | group_emails(COMMUNICATIONS_TEAM))


def escalate_overdue(now=None):
    """Escalate every overdue, unanswered complaint not escalated yet; returns those escalated now."""
    now = now or timezone.now()
    waiting = overdue(Complaint.objects.filter(escalated_at__isnull=True), now).select_related("office")
    return [complaint for complaint in waiting.order_by("due_at") if _escalate(complaint, now)]


@transaction.atomic
def _escalate(complaint, now):
    # Claimed in the database before the mail is queued, in one transaction: two runs at once escalate it once.
    if not Complaint.objects.filter(pk=complaint.pk, escalated_at__isnull=True).update(escalated_at=now):
        return False
    to = escalation_recipients(complaint.office)
    if not to:
        logger.warning("Complaint %s is overdue and its office has no head or team e-mail", complaint.reference)
    queue_complaint_mail(complaint, SUBJECT, "feedback/email/overdue_complaint.txt", to)
    return True
