"""An office's hours as ``core.hours`` values: one source for the "open now" line, JSON-LD, HSDS and the clock.

Read from the office's prefetched ``opening_hours`` and ``hours_exceptions`` when a caller
prefetched them, so a list of offices costs two queries.
"""

import dataclasses
import datetime
import json

from django.utils import timezone
from django.utils.translation import gettext as _

from core.cache import valid_until
from core.hours import Period, Schedule, holidays_between, never_closed
from core.open_now import OpenState, state_at, timeline

# Public holidays are published as closures this many days ahead (structured data, HSDS).
HOLIDAY_HORIZON_DAYS = 60
HOURS_RELATIONS = ("opening_hours", "hours_exceptions")


def office_periods(office):
    """The office's weekly lines and dated exceptions, as entered."""
    lines = [line.period() for line in office.opening_hours.all()]
    return lines + [exception.period() for exception in office.hours_exceptions.all()]


def office_schedule(office, fallback=()):
    """The office's ``Schedule``; ``fallback`` periods stand in for weekly hours it does not publish."""
    periods = office_periods(office)
    if not any(not period.dated for period in periods):
        periods += list(fallback)
    return Schedule(periods)


def open_state(office, moment=None):
    """The office's ``OpenState`` now (or at ``moment``), or None when it publishes no weekly hours."""
    schedule = office_schedule(office)
    return state_at(schedule, moment or timezone.now()) if schedule.weekly else None


def published_periods(office, today=None):
    """What structured data and HSDS publish: weekly lines, exceptions not yet over, the coming holidays closed."""
    today = today or timezone.localdate()
    periods = [period for period in office_periods(office) if not period.dated or period.until >= today]
    schedule = Schedule([period for period in periods if not period.dated], is_holiday=never_closed)
    dated = [period for period in periods if period.dated]
    for day in holidays_between(today, today + datetime.timedelta(days=HOLIDAY_HORIZON_DAYS)):
        if schedule.intervals_on(day) and not any(period.covers(day) for period in dated):
            periods.append(Period((day.weekday(),), first_date=day, description=_("Public holiday")))
    return periods


@dataclasses.dataclass(frozen=True)
class OpenLine:
    """The "open now" line of a page: the state at render, and the coming texts (JSON) a saved copy shows."""

    state: OpenState
    changes: str

    @property
    def label(self):
        return self.state.label

    @property
    def is_open(self):
        return self.state.is_open


def changes_json(entries):
    """``[[from, "open"|"closed"|"", text], …]`` of a ``timeline``, a text repeated at midnight left out."""
    rows, last = [], None
    for instant, state in entries:
        shown = ["open" if state.is_open else "closed", state.label] if state else ["", ""]
        if shown != last:
            rows.append([instant.isoformat(), *shown])
            last = shown
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def state_for_page(request, office, moment=None):
    """The office's ``OpenLine`` for a page, or None; the page's cached copy lasts only until the state changes.

    The line also carries its next texts, so that a copy read later (the browser's offline store)
    is put right by ``static/js/open-now.js``; without script it shows the state at render.
    """
    schedule = office_schedule(office)
    if not schedule.weekly:  # special hours alone say nothing of the other days
        return None
    moment = moment or timezone.now()
    state = state_at(schedule, moment)
    valid_until(request, state.next_change)
    return OpenLine(state, changes_json(timeline(schedule, moment)))
