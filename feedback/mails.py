"""Mail about complaints, written in Indonesian (the editors' language) and queued, never sent in a request.

``EMAIL_BACKEND`` is django-mailer's database queue: ``send_mail`` here writes a row in
the same transaction as the complaint, and ``manage.py send_mail`` hands it to the mail
server later (docs/deploy.md), so a slow or absent mail server delays mail and loses none.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def admin_url(complaint):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("feedback_complaint_answer", args=[complaint.pk])


def queue_complaint_mail(complaint, subject, template, to):
    """Queue the mail ``template`` about ``complaint`` to ``to``; ``subject`` is formatted with its reference."""
    if not to:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"complaint": complaint, "admin_url": admin_url(complaint)}
        body = render_to_string(template, context)
        subject = str(subject) % {"reference": complaint.reference, "office": complaint.office.title}
    return send_mail(subject, body, None, sorted(set(to)))
