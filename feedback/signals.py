"""Confirming a contact closes the citizens' reports on it: they count only until the next confirmation."""

from django.dispatch import receiver
from django.utils import timezone

from directory.editorial.freshness import contact_verified

from .models import ContactReport


@receiver(contact_verified, dispatch_uid="feedback-resolve-contact-reports")
def resolve_contact_reports(sender, contacts, **kwargs):
    ContactReport.objects.filter(contact__in=contacts, resolved_at__isnull=True).update(resolved_at=timezone.now())
