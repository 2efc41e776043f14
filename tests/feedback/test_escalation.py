"""Escalation: a complaint unanswered at its due time is mailed once to the office's head and the team."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from mailer.engine import send_all

from directory.models import ContactLevel
from feedback.models import Complaint
from tests.factories.directory import ContactPersonFactory, OfficePageFactory
from tests.factories.feedback import ComplaintFactory

pytestmark = pytest.mark.django_db

HEAD = "kepala@dinas.example.go.id"
TEAM = "humas@example.go.id"


@pytest.fixture
def office(settings, communications_member):
    """An office with a head who has an e-mail, a team member with one, and mail queued as in production."""
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"
    communications_member.email = TEAM
    communications_member.save()
    office = OfficePageFactory(email="dinas@example.go.id")
    ContactPersonFactory(office=office, level=ContactLevel.HEAD, email=HEAD)
    ContactPersonFactory(office=office, level=ContactLevel.TECHNICAL, email="teknis@example.go.id")
    return office


def complaint_due(office, minutes_ago, **fields):
    complaint = ComplaintFactory(office=office, **fields)
    Complaint.objects.filter(pk=complaint.pk).update(due_at=timezone.now() - datetime.timedelta(minutes=minutes_ago))
    return complaint


def escalations():
    call_command("escalate_complaints")
    send_all()
    return [(sorted(message.to), message.subject) for message in mail.outbox]


def test_an_overdue_complaint_is_escalated_once_to_the_head_and_the_team(office):
    complaint = complaint_due(office, minutes_ago=1)
    sent = escalations()
    assert [to for to, _subject in sent] == [sorted([HEAD, TEAM])]
    assert complaint.reference in sent[0][1]
    mail.outbox.clear()
    assert escalations() == []
    assert Complaint.objects.get().escalated_at is not None


def test_complaints_answered_or_not_yet_due_are_not_escalated(office):
    complaint_due(office, minutes_ago=-10)
    complaint_due(office, minutes_ago=60, answer="Sudah ditangani.", answered_at=timezone.now())
    assert escalations() == []


def test_without_a_head_with_an_e_mail_the_office_address_is_used(office):
    office.contacts.filter(level=ContactLevel.HEAD).update(email="")
    complaint_due(office, minutes_ago=1)
    assert [to for to, _subject in escalations()] == [sorted(["dinas@example.go.id", TEAM])]
