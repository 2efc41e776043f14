"""The complaint clock, defined once: an answer is due ``COMPLAINT_RESPONSE_HOURS`` working hours after a complaint.

Working hours are the office's published opening hours with their breaks and special hours
(the regency's office hours in ``data/default_opening_hours.json`` when it publishes none), less
its closures, Indonesian public holidays and collective leave and the regency's own days off
(``directory.models.schedule``, ``core.hours``: the same hours as the office's "open now" line). The due time
is stored on the complaint when it arrives (``Complaint.due_at``), and both the admin's filter and
the model's clock read it.
"""

import datetime
import functools
import json
from pathlib import Path

from django.conf import settings
from django.utils.translation import ngettext

from core.hours import Period, Schedule, add_working_time, days_of, is_indonesian_holiday, weekly_hours
from directory.models.schedule import office_schedule

DEFAULT_HOURS_FILE = Path(__file__).resolve().parent / "data" / "default_opening_hours.json"
DEFAULT_RESPONSE_HOURS = 4


def response_hours():
    return getattr(settings, "COMPLAINT_RESPONSE_HOURS", DEFAULT_RESPONSE_HOURS)


def promise():
    """The promise, the one place it is written: "within 4 working hours"."""
    hours = response_hours()
    return ngettext("within %(hours)s working hour", "within %(hours)s working hours", hours) % {"hours": hours}


@functools.cache
def default_lines():
    lines = json.loads(DEFAULT_HOURS_FILE.read_text(encoding="utf-8"))["opening_hours"]
    return [(line["days"], _time(line["opens"]), _time(line["closes"])) for line in lines]


def default_week():
    return weekly_hours(default_lines())


def default_periods():
    return [Period(tuple(days_of(code)), opens, closes) for code, opens, closes in default_lines()]


def _time(text):
    return datetime.time.fromisoformat(text)


def due_in_week(week, submitted_at):
    """When the answer is due for an office open ``week`` ({weekday: intervals}), national holidays skipped.

    The first computation of stored due times (migration ``0002``) reads it; new complaints read ``due_at``.
    """
    schedule = Schedule.of_week(week or default_week(), is_indonesian_holiday)
    return add_working_time(submitted_at, duration(), schedule)


def duration():
    return datetime.timedelta(hours=response_hours())


def due_at(office, submitted_at):
    """When the answer to a complaint sent at ``submitted_at`` is due, on the hours the office's page shows."""
    return add_working_time(submitted_at, duration(), office_schedule(office, fallback=default_periods()))
