"""The complaint clock, defined once: an answer is due ``COMPLAINT_RESPONSE_HOURS`` working hours after a complaint.

Working hours are the office's published opening hours (the regency's office hours in
``data/default_opening_hours.json`` when it publishes none), less Indonesian public holidays
and collective leave. The due time is stored on the complaint when it arrives
(``Complaint.due_at``), and both the admin's filter and the model's clock read it.
"""

import datetime
import functools
import json
from pathlib import Path

from django.conf import settings
from django.utils.translation import ngettext

from core.hours import add_working_time, is_indonesian_holiday, weekly_hours

DEFAULT_HOURS_FILE = Path(__file__).resolve().parent / "data" / "default_opening_hours.json"
DEFAULT_RESPONSE_HOURS = 4


def response_hours():
    return getattr(settings, "COMPLAINT_RESPONSE_HOURS", DEFAULT_RESPONSE_HOURS)


def promise():
    """The promise, the one place it is written: "within 4 working hours"."""
    hours = response_hours()
    return ngettext("within %(hours)s working hour", "within %(hours)s working hours", hours) % {"hours": hours}


@functools.cache
def default_week():
    lines = json.loads(DEFAULT_HOURS_FILE.read_text(encoding="utf-8"))["opening_hours"]
    return weekly_hours((line["days"], _time(line["opens"]), _time(line["closes"])) for line in lines)


def _time(text):
    return datetime.time.fromisoformat(text)


def office_week(office):
    """The office's week of opening intervals, or the regency's default when it publishes none."""
    lines = [(line.days_code, line.opens, line.closes) for line in office.opening_hours.all()]
    return weekly_hours(lines) or default_week()


def due_in_week(week, submitted_at):
    """When the answer to a complaint sent at ``submitted_at`` to an office open ``week`` is due."""
    duration = datetime.timedelta(hours=response_hours())
    return add_working_time(submitted_at, duration, week or default_week(), is_indonesian_holiday)


def due_at(office, submitted_at):
    return due_in_week(office_week(office), submitted_at)
