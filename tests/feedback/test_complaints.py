"""The complaint box: routed to the office's editors, answered against its clock, forgotten after retention."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from feedback import complaints
from feedback.models import Complaint
from tests.factories.feedback import ComplaintFactory
from tests.support.html import all_text, hrefs, page, soup, visible_text

from .conftest import OFFICE

pytestmark = pytest.mark.django_db

URL = f"/id/feedback/complaint/{OFFICE}/"
MESSAGE = {"category": "service", "message": "Antrean KTP tiga jam.", "name": "Sri", "contact": "0812 3456 7890"}


@pytest.fixture
def editor(editor_a):
    editor_a.email = "editor-a@example.org"
    editor_a.save()
    return editor_a


def test_the_office_page_links_to_its_complaint_box(client):
    assert URL in hrefs(page(client, f"/id/direktori/{OFFICE}/"), "main a[href]")


def test_a_complaint_gets_a_reference_and_a_private_status_link(
    client, fill, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = fill(URL, **MESSAGE)
    complaint = Complaint.objects.get()
    assert response.status_code == 302
    assert response["Location"].startswith(f"/id/feedback/complaint/status/{complaint.status_token}/")
    status = client.get(response["Location"])
    text = visible_text(soup(status))
    assert complaint.reference in text
    assert "0812" not in str(soup(status))  # the citizen's number is not repeated on a page reachable by link
    assert "no-cache" in status["Cache-Control"] or "no-store" in status["Cache-Control"]


def test_the_offices_editors_get_an_email(fill, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        fill(URL, **MESSAGE)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["editor-a@example.org"]
    assert Complaint.objects.get().reference in mail.outbox[0].subject


def test_a_complaint_without_a_message_is_refused_with_a_message(client, fill):
    response = fill(URL, category="service", message="")
    assert response.status_code == 400
    assert not Complaint.objects.exists()


def test_an_unknown_status_link_is_not_found(client):
    assert client.get("/id/feedback/complaint/status/not-a-token/").status_code == 404


def test_the_clock_says_answered_in_time_late_open_or_overdue():
    now = timezone.now()
    complaint = Complaint(submitted_at=now - datetime.timedelta(hours=1), due_at=now + datetime.timedelta(hours=3))
    assert complaint.clock(now) == "open"
    assert complaint.clock(now + datetime.timedelta(hours=4)) == "overdue"
    complaint.answered_at = now
    assert complaint.clock() == "answered"
    complaint.answered_at = now + datetime.timedelta(hours=5)
    assert complaint.clock() == "answered_late"


def test_editors_answer_in_the_admin_and_the_citizen_reads_it(client, fill, editor):
    fill(URL, **MESSAGE)
    complaint = Complaint.objects.get()
    client.force_login(editor)
    answer_form = page(client, reverse("feedback_complaint_answer", args=[complaint.pk]))
    assert "0812 3456 7890" in visible_text(answer_form.select_one("main") or answer_form)
    client.post(reverse("feedback_complaint_answer", args=[complaint.pk]), {"answer": "Loket tambahan dibuka."})
    client.logout()
    status = page(client, f"/id/feedback/complaint/status/{complaint.status_token}/")
    assert "Loket tambahan dibuka." in visible_text(status.select_one("main"))


def test_editors_of_another_office_cannot_open_the_complaint(client, fill, editor_b):
    fill(URL, **MESSAGE)
    client.force_login(editor_b)
    response = client.get(reverse("feedback_complaint_answer", args=[Complaint.objects.get().pk]))
    assert response.status_code in (302, 403)
    assert "0812" not in all_text(soup(response, response.status_code))


def test_the_team_sees_overdue_complaints_of_every_office(client, fill, communications_member):
    fill(URL, **MESSAGE)
    Complaint.objects.update(due_at=timezone.now() - datetime.timedelta(minutes=1))
    client.force_login(communications_member)
    listing = page(client, reverse("feedback_complaints") + "?state=overdue")
    assert Complaint.objects.get().reference in visible_text(listing.select_one("table"))
    assert page(client, reverse("wagtailadmin_home")).select('[data-clock="overdue"]')


def test_complaints_export_without_personal_data(client, fill, editor):
    fill(URL, **MESSAGE)
    client.force_login(editor)
    response = client.get(reverse("feedback_complaints") + "?export=csv")
    content = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert Complaint.objects.get().reference in content
    assert "Sri" not in content and "0812" not in content


def test_survey_results_export_as_xlsx(client, editor):
    client.force_login(editor)
    response = client.get(reverse("feedback_survey_results") + "?export=xlsx")
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_the_daily_purge_deletes_complaints_after_the_retention_period(settings):
    settings.COMPLAINT_RETENTION_DAYS = 30
    ComplaintFactory(submitted_at=timezone.now() - datetime.timedelta(days=31))
    recent = ComplaintFactory(submitted_at=timezone.now() - datetime.timedelta(days=29))
    call_command("purge_feedback")
    assert list(Complaint.objects.all()) == [recent]
    assert complaints.purge_expired() == (0, 0)
