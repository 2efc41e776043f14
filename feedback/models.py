"""What citizens tell the regency: survey responses, reports on contacts and complaints."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import clock, ikm

SCORE_CHOICES = [(score, str(score)) for score in ikm.SCALE]
# Letters and digits a citizen can read out on the phone without confusion (no 0/O, 1/I/L).
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


class AgeBand(models.TextChoices):
    UNDER_20 = "<20", _("Under 20")
    FROM_20 = "20-29", _("20–29")
    FROM_30 = "30-39", _("30–39")
    FROM_40 = "40-49", _("40–49")
    FROM_50 = "50-59", _("50–59")
    FROM_60 = "60+", _("60 and over")


class Sex(models.TextChoices):
    MALE = "m", _("Male")
    FEMALE = "f", _("Female")


class Education(models.TextChoices):
    PRIMARY = "sd", _("Primary school or below")
    JUNIOR = "smp", _("Junior high school")
    SENIOR = "sma", _("Senior high school")
    DIPLOMA = "d", _("Diploma (D1–D4)")
    BACHELOR = "s1", _("Bachelor (S1)")
    POSTGRADUATE = "s2", _("Master or doctorate (S2/S3)")


class Occupation(models.TextChoices):
    CIVIL_SERVANT = "pns", _("Civil servant, police or military")
    PRIVATE = "private", _("Private employee")
    ENTREPRENEUR = "entrepreneur", _("Entrepreneur")
    FARMER = "farmer", _("Farmer or fisher")
    STUDENT = "student", _("Student")
    HOMEMAKER = "homemaker", _("Homemaker")
    OTHER = "other", _("Other")


class ResponseStatus(models.TextChoices):
    """Whether a response counts: bursts are held until an editor of the office accepts or rejects them."""

    ACCEPTED = "accepted", _("Accepted")
    HELD = "held", _("Held for review")
    REJECTED = "rejected", _("Rejected")


class SurveyResponseQuerySet(models.QuerySet):
    def counted(self):
        """The responses every published figure counts: accepted ones, never held or rejected."""
        return self.filter(status=ResponseStatus.ACCEPTED)

    def held(self):
        return self.filter(status=ResponseStatus.HELD)


def _score_field(element):
    return models.PositiveSmallIntegerField(element.label, choices=SCORE_CHOICES, null=True, blank=True)


def _client_day_field():
    # A keyed hash of the client and the day (feedback/protection/daily.py), blanked by purge_feedback
    # the next day: it tells "this client already answered today" apart and nothing else.
    return models.CharField(max_length=64, blank=True, editable=False)


def _once_a_day(target, name):
    """At most one row per target and client-day hash, race-proof (concurrent posts hit the constraint)."""
    return models.UniqueConstraint(fields=[target, "client_day"], condition=~models.Q(client_day=""), name=name)


class SurveyResponse(models.Model):
    """One citizen's answers to the satisfaction survey of a service; no address or identity is stored."""

    service = models.ForeignKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("service")
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    requirements = _score_field(ikm.ELEMENTS[0])
    procedure = _score_field(ikm.ELEMENTS[1])
    time = _score_field(ikm.ELEMENTS[2])
    cost = _score_field(ikm.ELEMENTS[3])
    product = _score_field(ikm.ELEMENTS[4])
    competence = _score_field(ikm.ELEMENTS[5])
    conduct = _score_field(ikm.ELEMENTS[6])
    complaint_handling = _score_field(ikm.ELEMENTS[7])
    facilities = _score_field(ikm.ELEMENTS[8])
    age_band = models.CharField(_("age"), max_length=8, choices=AgeBand.choices, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    education = models.CharField(_("education"), max_length=8, choices=Education.choices, blank=True)
    occupation = models.CharField(_("occupation"), max_length=16, choices=Occupation.choices, blank=True)
    suggestion = models.TextField(_("suggestion"), blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ResponseStatus.choices, default=ResponseStatus.ACCEPTED, db_index=True
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = SurveyResponseQuerySet.as_manager()
    client_day = _client_day_field()

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["-submitted_at"]
        constraints = [_once_a_day("service", "feedback_survey_once_per_client_day")]

    def scores(self):
        return {name: getattr(self, name) for name in ikm.ELEMENT_FIELDS}


class ContactReportReason(models.TextChoices):
    NO_ANSWER = "no_answer", _("This number does not answer")
    WRONG = "wrong", _("This number is wrong")


class ContactReport(models.Model):
    """A citizen's report that a contact's number does not answer or is wrong, open until the contact is confirmed."""

    contact = models.ForeignKey(
        "directory.ContactPerson", on_delete=models.CASCADE, related_name="citizen_reports", verbose_name=_("contact")
    )
    reason = models.CharField(_("reason"), max_length=16, choices=ContactReportReason.choices)
    note = models.TextField(_("note"), blank=True)
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now, db_index=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    client_day = _client_day_field()

    class Meta:
        verbose_name = _("contact report")
        verbose_name_plural = _("contact reports")
        ordering = ["-reported_at"]
        constraints = [_once_a_day("contact", "feedback_report_once_per_client_day")]


class ComplaintCategory(models.TextChoices):
    SERVICE = "service", _("Service too slow or refused")
    STAFF = "staff", _("Staff conduct")
    FEES = "fees", _("Fees or illegal charges")
    INFORMATION = "information", _("Wrong or missing information")
    FACILITIES = "facilities", _("Facilities")
    SUGGESTION = "suggestion", _("Suggestion")
    OTHER = "other", _("Other")


def new_reference():
    """A short reference to quote on the phone, e.g. ``ADU-7KQ3MX``."""
    return "ADU-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def new_status_token():
    return secrets.token_urlsafe(24)


class Complaint(models.Model):
    """A complaint or suggestion to one office (kotak pengaduan online), answered within its working hours."""

    office = models.ForeignKey(
        "directory.OfficePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("office")
    )
    reference = models.CharField(_("reference"), max_length=16, unique=True, default=new_reference)
    status_token = models.CharField(max_length=64, unique=True, default=new_status_token, editable=False)
    category = models.CharField(_("category"), max_length=16, choices=ComplaintCategory.choices)
    message = models.TextField(_("message"))
    name = models.CharField(_("name"), max_length=100, blank=True)
    contact = models.CharField(_("phone or WhatsApp"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    # Set once, on arrival, by the one rule of ``clock.py``: what was promised then stays promised.
    due_at = models.DateTimeField(_("answer due by"), db_index=True, editable=False)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # When the overdue complaint was escalated to the office's head and the team (once).
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-submitted_at"]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        if self.due_at is None:
            self.due_at = clock.due_at(self.office, self.submitted_at)
        super().save(*args, **kwargs)

    def clock(self, now=None):
        """``answered`` (in time), ``answered_late``, ``open`` (not yet due) or ``overdue``: read from ``due_at``."""
        if self.answered_at:
            return "answered" if self.answered_at <= self.due_at else "answered_late"
        return "open" if (now or timezone.now()) <= self.due_at else "overdue"

    @property
    def clock_label(self):
        return CLOCK_LABELS[self.clock()] % {"promise": clock.promise()}


# ``%(promise)s`` is the promise as ``clock.promise()`` words it, e.g. "within 4 working hours".
CLOCK_LABELS = {
    "answered": _("Answered %(promise)s"),
    "answered_late": _("Answered late"),
    "open": _("Waiting for an answer (%(promise)s)"),
    "overdue": _("Overdue: not answered %(promise)s"),
}


class UsedFormToken(models.Model):
    """The nonce of a citizen's form token that was accepted: a token counts once (purged after its max age)."""

    nonce = models.CharField(max_length=32, unique=True)
    used_at = models.DateTimeField(default=timezone.now, db_index=True)
