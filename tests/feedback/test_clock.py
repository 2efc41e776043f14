"""The complaint clock: due after four working hours of the office, stored once, read alike everywhere."""

import datetime

import pytest

from core.hours import JAKARTA
from directory.models import OfficePage
from feedback.complaints import overdue
from feedback.models import Complaint
from tests.factories.directory import OfficePageFactory, OpeningHoursFactory
from tests.factories.feedback import ComplaintFactory
from tests.support.html import page, visible_text

from .conftest import OFFICE

pytestmark = pytest.mark.django_db

FRIDAY_EVENING = datetime.datetime(2026, 12, 11, 19, 0, tzinfo=JAKARTA)


@pytest.fixture
def office():
    return OfficePage.objects.get(stable_slug=OFFICE, locale__language_code="id")


def test_a_complaint_on_friday_evening_is_due_on_monday_morning(office):
    complaint = ComplaintFactory(office=office, submitted_at=FRIDAY_EVENING)
    # The office publishes no hours: the regency's, Monday 07:30 plus four hours.
    assert complaint.due_at == datetime.datetime(2026, 12, 14, 11, 30, tzinfo=JAKARTA)


def test_an_office_open_on_saturday_answers_by_saturday():
    saturdays = OfficePageFactory()
    OpeningHoursFactory(office=saturdays, last_day="Sat", opens=datetime.time(8), closes=datetime.time(16))
    complaint = ComplaintFactory(office=saturdays, submitted_at=FRIDAY_EVENING)
    assert complaint.due_at == datetime.datetime(2026, 12, 12, 12, 0, tzinfo=JAKARTA)


def test_independence_day_is_not_a_working_day(office):
    complaint = ComplaintFactory(office=office, submitted_at=datetime.datetime(2027, 8, 16, 14, 0, tzinfo=JAKARTA))
    assert complaint.due_at == datetime.datetime(2027, 8, 18, 10, 0, tzinfo=JAKARTA)


def test_the_filter_and_the_model_agree_on_what_is_overdue(office, settings):
    settings.COMPLAINT_RESPONSE_HOURS = 2
    complaint = ComplaintFactory(office=office, submitted_at=FRIDAY_EVENING)
    assert complaint.due_at == datetime.datetime(2026, 12, 14, 9, 30, tzinfo=JAKARTA)
    second = datetime.timedelta(seconds=1)
    for now in (complaint.due_at - second, complaint.due_at, complaint.due_at + second):
        in_filter = overdue(Complaint.objects.filter(pk=complaint.pk), now).exists()
        assert in_filter == (complaint.clock(now) == "overdue"), now
    assert complaint.clock(complaint.due_at + second) == "overdue"


def test_the_status_page_shows_the_due_time_in_both_languages(client, office):
    complaint = ComplaintFactory(office=office, submitted_at=FRIDAY_EVENING)
    for language, due in (("id", "Senin 14 Desember 2026, 11:30"), ("en", "Monday 14 December 2026, 11:30")):
        status = page(client, f"/{language}/feedback/complaint/status/{complaint.status_token}/")
        assert visible_text(status.select_one("dd.due")) == due


def test_the_pages_print_the_promise_from_the_one_setting(client, settings):
    settings.COMPLAINT_RESPONSE_HOURS = 6
    for path, promise in (
        (f"/en/feedback/complaint/{OFFICE}/", "within 6 working hours"),
        (f"/id/feedback/complaint/{OFFICE}/", "dalam 6 jam kerja"),
        (f"/id/direktori/{OFFICE}/", "dalam 6 jam kerja"),
    ):
        assert promise in visible_text(page(client, path).select_one("main")), path
