"""The complaint clock runs on the office's own hours as its page shows them: breaks, special hours, closures."""

import datetime

import pytest

from core.hours import JAKARTA
from tests.factories.directory import OfficePageFactory, OpeningHoursExceptionFactory
from tests.factories.feedback import ComplaintFactory
from tests.support.hours import add_regency_hours

pytestmark = pytest.mark.django_db

TIME = datetime.time


def jakarta(*parts):
    return datetime.datetime(*parts, tzinfo=JAKARTA)


@pytest.fixture
def office():
    return add_regency_hours(OfficePageFactory())


def test_the_friday_prayer_break_does_not_count(office):
    # Friday 11 December 2026, 10:00: 1.5 h until the break, 1.5 h after it, then 1 h on Monday.
    complaint = ComplaintFactory(office=office, submitted_at=jakarta(2026, 12, 11, 10, 0))
    assert complaint.due_at == jakarta(2026, 12, 14, 8, 30)


def test_the_fasting_months_hours_are_the_working_hours(office):
    OpeningHoursExceptionFactory(
        office=office,
        first_date=datetime.date(2027, 2, 8),
        last_date=datetime.date(2027, 3, 9),
        first_day="Mon",
        last_day="Thu",
        opens=TIME(8),
        closes=TIME(14),
    )
    # Tuesday 9 February 2027, 12:00: two hours until 14:00, two more from 08:00 on Wednesday.
    complaint = ComplaintFactory(office=office, submitted_at=jakarta(2027, 2, 9, 12, 0))
    assert complaint.due_at == jakarta(2027, 2, 10, 10, 0)


def test_a_day_the_office_is_closed_does_not_count(office):
    OpeningHoursExceptionFactory(office=office, first_date=datetime.date(2026, 12, 9), closed=True)
    # Tuesday 8 December 2026, 14:30: one hour on Tuesday, Wednesday closed, three on Thursday.
    complaint = ComplaintFactory(office=office, submitted_at=jakarta(2026, 12, 8, 14, 30))
    assert complaint.due_at == jakarta(2026, 12, 10, 10, 30)


def test_an_office_without_weekly_hours_keeps_the_regencys_and_its_own_closures():
    office = OfficePageFactory()
    OpeningHoursExceptionFactory(office=office, first_date=datetime.date(2026, 12, 14), closed=True)
    # Friday evening: Monday is closed, so Tuesday 07:30 plus four hours.
    complaint = ComplaintFactory(office=office, submitted_at=jakarta(2026, 12, 11, 19, 0))
    assert complaint.due_at == jakarta(2026, 12, 15, 11, 30)
