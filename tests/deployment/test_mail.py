"""Production settings on gunicorn, a mail server that hangs: the citizen gets the reference at once, no mail is lost.

The site's mail settings come from the environment (EMAIL_HOST, EMAIL_PORT, EMAIL_TIMEOUT);
the request only queues the mail, `manage.py send_mail` speaks to the mail server.
"""

import re
from urllib.parse import urlencode

import pytest
from mailer.models import Message

from feedback.models import Complaint
from tests.support import servers
from tests.support.smtp import hanging_smtp_server, smtp_server

from .conftest import require_binaries

pytestmark = [pytest.mark.servers, pytest.mark.django_db, pytest.mark.sample]

OFFICE = "dispendukcapil"
EDITOR = ("mail-editor", "mail-editor@dispendukcapil.example.go.id")
SETUP = f"""
from directory.editorial.roles import grant_office_editor
user = grant_office_editor("{EDITOR[0]}", "{OFFICE}").user
user.email = "{EDITOR[1]}"
user.save()
"""
CLEAN_UP = f"""
from django.contrib.auth import get_user_model
from mailer.models import Message, MessageLog
from feedback.models import Complaint
get_user_model().objects.filter(username="{EDITOR[0]}").delete()
Complaint.objects.filter(office__stable_slug="{OFFICE}").delete()
Message.objects.all().delete()
MessageLog.objects.all().delete()
"""


@pytest.fixture
def editor(test_database_url):
    """An editor of the office with an e-mail address, committed for the servers; gone afterwards."""
    servers.manage(test_database_url, "shell", "-c", SETUP)
    yield EDITOR[1]
    servers.manage(test_database_url, "shell", "-c", CLEAN_UP)


def mail_environment(port):
    return {"EMAIL_HOST": servers.HOST, "EMAIL_PORT": port, "EMAIL_TIMEOUT": 1}


def send_complaint(port):
    """Open the complaint box and send it as a citizen does; returns the answer to the post."""
    url = f"/id/feedback/complaint/{OFFICE}/"
    form = servers.request(port, url)
    cookies = form.cookies()
    fields = {
        "csrfmiddlewaretoken": cookies["csrftoken"],
        "form_token": re.search(r'name="form_token" value="([^"]+)"', form.text).group(1),
        "website": "",
        "category": "service",
        "message": "Antrean perekaman KTP-el tidak bergerak sejak pagi.",
    }
    # Well under gunicorn's 30-second worker timeout, which the hanging mail server used to reach.
    return servers.request(port, url, "POST", urlencode(fields), cookies=cookies, timeout=15), cookies


def test_with_the_mail_server_hanging_the_citizen_gets_the_reference_and_the_mail_follows(
    test_database_url, static_root, editor
):
    require_binaries("gunicorn")
    with hanging_smtp_server() as smtp_port:
        environment = {"DATABASE_URL": test_database_url, "STATIC_ROOT": static_root, "FEEDBACK_MIN_FILL_SECONDS": 0}
        with servers.gunicorn(**environment, **mail_environment(smtp_port)) as port:
            response, cookies = send_complaint(port)
            assert response.status == 302, response.text[:500]
            status = servers.request(port, dict(response.headers)["Location"], cookies=cookies)
        reference = Complaint.objects.get(office__stable_slug=OFFICE).reference
        assert status.status == 200 and reference in status.text

        servers.manage(test_database_url, "send_mail", **mail_environment(smtp_port))  # gives up and defers
        assert Message.objects.deferred().count() == 1

    with smtp_server(smtp_port) as inbox:  # the mail server is back
        servers.manage(test_database_url, "retry_deferred", **mail_environment(smtp_port))
        servers.manage(test_database_url, "send_mail", **mail_environment(smtp_port))
    assert [message["to"] for message in inbox.messages] == [[editor]]
    assert reference in inbox.messages[0]["subject"]
    assert not Message.objects.exists()
