"""Mail about complaints: queued with the complaint, sent by `send_mail` outside any request, never lost."""

import pytest
from django.core import mail
from django.core.management import call_command
from mailer.engine import send_all
from mailer.models import Message

from feedback.models import Complaint
from tests.support.html import soup, visible_text
from tests.support.smtp import hanging_smtp_server, smtp_server

from .conftest import OFFICE

pytestmark = pytest.mark.django_db

URL = f"/id/feedback/complaint/{OFFICE}/"
MESSAGE = {"category": "service", "message": "Antrean KTP tiga jam.", "name": "Sri", "contact": "0812 3456 7890"}
EDITOR_EMAIL = "editor-a@example.org"


@pytest.fixture
def queue(settings, editor_a):
    """Production's mail set-up: mail is queued in the database (pytest-django would send it to the outbox)."""
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"
    editor_a.email = EDITOR_EMAIL
    editor_a.save()
    return settings


@pytest.fixture
def smtp(queue):
    """The queue's sender speaks SMTP to loopback, waiting at most a second for an answer."""
    queue.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    queue.EMAIL_HOST = "127.0.0.1"
    queue.EMAIL_TIMEOUT = 1
    return queue


def test_a_complaint_queues_its_mail_and_sends_nothing_in_the_request(fill, queue):
    response = fill(URL, **MESSAGE)
    assert response.status_code == 302
    assert mail.outbox == []
    assert [message.to_addresses for message in Message.objects.all()] == [[EDITOR_EMAIL]]


def test_the_queue_is_delivered_by_the_sender(fill, queue):
    fill(URL, **MESSAGE)
    send_all()
    assert [message.to for message in mail.outbox] == [[EDITOR_EMAIL]]
    assert Complaint.objects.get().reference in mail.outbox[0].subject
    assert not Message.objects.exists()


def test_send_mail_delivers_the_queue_to_a_real_smtp_server(fill, smtp):
    fill(URL, **MESSAGE)
    with smtp_server() as inbox:
        smtp.EMAIL_PORT = inbox.port
        call_command("send_mail")
    assert [message["to"] for message in inbox.messages] == [[EDITOR_EMAIL]]
    assert Complaint.objects.get().reference in inbox.messages[0]["subject"]
    assert "Antrean KTP tiga jam." in inbox.messages[0]["message"].get_content()


def test_a_hanging_mail_server_delays_the_mail_and_loses_none(client, fill, smtp):
    with hanging_smtp_server() as port:
        smtp.EMAIL_PORT = port
        response = fill(URL, **MESSAGE)
        # The citizen has the reference at once: the request never spoke to the mail server.
        status = client.get(response["Location"])
        assert Complaint.objects.get().reference in visible_text(soup(status))
        call_command("send_mail")  # gives up after EMAIL_TIMEOUT and defers the message
        assert Message.objects.deferred().count() == 1

    with smtp_server(port) as inbox:
        call_command("send_mail")
        assert inbox.messages == []  # deferred mail waits for retry_deferred
        call_command("retry_deferred")
        call_command("send_mail")
    assert [message["to"] for message in inbox.messages] == [[EDITOR_EMAIL]]
    assert not Message.objects.exists()


def test_a_mail_server_that_is_down_defers_the_mail(fill, smtp):
    fill(URL, **MESSAGE)
    with smtp_server() as inbox:
        smtp.EMAIL_PORT = inbox.port
    call_command("send_mail")  # connection refused
    assert Message.objects.deferred().count() == 1
