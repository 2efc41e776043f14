"""Whether a place is open at a moment, when that changes, and the line that says so.

"Open now · closes 15:30" or "Closed · opens Monday 07:30", in the active language, from a
``core.hours.Schedule`` in the place's local time (Asia/Jakarta).
"""

import dataclasses
import datetime

from django.utils import formats
from django.utils.translation import gettext as _

from .hours import JAKARTA

# Beyond a week away the weekday alone would mislead: the date is said instead.
WEEKDAY_HORIZON_DAYS = 6
# How far a page lists its line's next texts for a saved copy, from the start of the day: past a
# weekend to Monday's opening, a few changes, little weight.
TIMELINE_HOURS = 96


@dataclasses.dataclass(frozen=True)
class OpenState:
    """Open or closed at ``moment``; ``next_change`` is when it closes or opens (None: no opening ahead)."""

    moment: datetime.datetime
    is_open: bool
    next_change: datetime.datetime | None

    @property
    def label(self):
        if self.is_open:
            return _("Open now · closes %(time)s") % {"time": _clock(self.next_change)}
        if self.next_change is None:
            return _("Closed")
        return _("Closed · opens %(when)s") % {"when": self._when_it_opens()}

    def _when_it_opens(self):
        days = (self.next_change.date() - self.moment.date()).days
        time = _clock(self.next_change)
        if days == 0:
            return _("today %(time)s") % {"time": time}
        if days == 1:
            return _("tomorrow %(time)s") % {"time": time}
        day_format = "l" if days <= WEEKDAY_HORIZON_DAYS else "l j F"
        return f"{formats.date_format(self.next_change, day_format)} {time}"


def _clock(moment):
    return moment.strftime("%H:%M")


def state_at(schedule, moment, zone=JAKARTA):
    """The ``OpenState`` of ``schedule`` at ``moment`` (an aware datetime), read in ``zone``."""
    moment = moment.astimezone(zone)
    for begin, end in schedule.openings(moment, zone):
        if moment < begin:
            return OpenState(moment, False, begin)
        if moment < end:
            return OpenState(moment, True, end)
    return OpenState(moment, False, None)


def timeline(schedule, moment, hours=TIMELINE_HOURS, zone=JAKARTA):
    """``[(from, OpenState), …]``: the state at ``moment``, then at each change and midnight to come.

    The list runs from the start of the moment's day to ``hours`` after it.
    A saved copy of a page (the browser's offline store) shows the line that holds when it is read;
    midnights are in it because "today" and "tomorrow" change then. The list starts and ends at a
    midnight, so a page renders the same all through one state. The last entry, with no state,
    marks where the list ends and the line is no longer known.
    """
    moment = moment.astimezone(zone)
    day_start = datetime.datetime.combine(moment.date(), datetime.time(0), tzinfo=zone)
    end = day_start + datetime.timedelta(hours=hours)
    moments = set()
    for begin, close in schedule.openings(moment, zone):
        if begin >= end:
            break
        moments |= {instant for instant in (begin, close) if moment < instant < end}
    midnight = day_start
    while (midnight := midnight + datetime.timedelta(days=1)) < end:
        moments.add(midnight)
    changes = [(instant, state_at(schedule, instant, zone)) for instant in sorted(moments)]
    return [(day_start, state_at(schedule, moment, zone)), *changes, (end, None)]
