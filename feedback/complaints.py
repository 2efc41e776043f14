"""The complaint box: routing a complaint to its office's editors, and forgetting it after the retention period."""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from directory.roles import COMMUNICATIONS_TEAM, office_group_name

from .models import Complaint, ContactReport

logger = logging.getLogger(__name__)
DEFAULT_RETENTION_DAYS = 365


def retention_days():
    return getattr(settings, "COMPLAINT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


def recipients(office):
    """E-mail addresses of the office's editors; the communications team's when the office has none."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    emails = list(users.filter(groups__name=office_group_name(office)).values_list("email", flat=True).distinct())
    if not emails:
        emails = list(users.filter(groups__name=COMMUNICATIONS_TEAM).values_list("email", flat=True).distinct())
    return sorted(set(emails))


def notify_office(complaint):
    """E-mail the office's editors (in Indonesian, the editors' language); a mail failure never loses the complaint."""
    to = recipients(complaint.office)
    if not to:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New complaint %(reference)s for %(office)s") % {
            "reference": complaint.reference,
            "office": complaint.office.title,
        }
        body = render_to_string(
            "feedback/email/new_complaint.txt",
            {
                "complaint": complaint,
                "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("feedback_complaint_answer", args=[complaint.pk]),
            },
        )
    try:
        return send_mail(subject, body, None, to)
    except Exception:  # the complaint is stored and shown in the admin whatever the mail server does
        logger.exception("Could not e-mail complaint %s", complaint.reference)
        return 0


def submit_complaint(office, data, language):
    """Store a complaint for ``office`` (default language) and e-mail its editors once it is committed."""
    complaint = Complaint.objects.create(office=office, language=language, **data)
    transaction.on_commit(lambda: notify_office(complaint))
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
    """Delete complaints older than ``COMPLAINT_RETENTION_DAYS`` and blank the notes of contact reports as old.

    Returns ``(complaints deleted, report notes blanked)``.
    """
    cutoff = (now or timezone.now()) - datetime.timedelta(days=retention_days())
    deleted, _by_model = Complaint.objects.filter(submitted_at__lt=cutoff).delete()
    blanked = ContactReport.objects.filter(reported_at__lt=cutoff).exclude(note="").update(note="")
    return deleted, blanked
