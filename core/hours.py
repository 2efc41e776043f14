"""Working time: a duration that runs only while a place is open, in its local time.

Pure functions, no models: a place's week is given as opening intervals per weekday
(``{0: [(time(7, 30), time(15, 30))], …}``, Monday is 0; several intervals a day allow a
break) and its closed days as a predicate (public holidays, dated closures).
"""

import datetime
import functools
import zoneinfo

import holidays

DAY_CODES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
# A week with no opening at all would never end a count: stop looking after a year and say so.
SEARCH_DAYS = 400
# Public holidays and the civil service's collective leave (cuti bersama): regency offices close on both.
HOLIDAY_CATEGORIES = ("public", "government")


def days_of(code):
    """Weekday numbers of a day code of the sample data: ``"Mon-Thu"`` → ``[0, 1, 2, 3]``, ``"Fri"`` → ``[4]``."""
    first, _dash, last = code.partition("-")
    return list(range(DAY_CODES.index(first), DAY_CODES.index(last or first) + 1))


def weekly_hours(lines):
    """``{weekday: [(opens, closes), …]}`` from lines ``(day code, opens, closes)``, e.g. ``("Mon-Thu", …)``.

    A line that closes before it opens holds no time and is left out.
    """
    week = {}
    for code, opens, closes in lines:
        for day in days_of(code) if opens < closes else ():
            week.setdefault(day, []).append((opens, closes))
    return {day: sorted(intervals) for day, intervals in week.items()}


def never_closed(day):
    return False


@functools.lru_cache(maxsize=16)
def _indonesian_holidays(year):
    return holidays.country_holidays("ID", years=year, categories=HOLIDAY_CATEGORIES)


def is_indonesian_holiday(day):
    """A national public holiday or collective leave day in Indonesia (the ``holidays`` package)."""
    return day in _indonesian_holidays(day.year)


def add_working_time(start, duration, week, is_closed=never_closed, zone=JAKARTA):
    """The moment when ``duration`` of opening time has passed since ``start`` (an aware datetime).

    Time counts only inside the intervals of ``week`` on days ``is_closed`` does not refuse,
    in the local time of ``zone``. Overlapping intervals count once. The answer is in ``zone``.
    """
    cursor = start.astimezone(zone)
    remaining = duration
    day = cursor.date()
    for _ in range(SEARCH_DAYS):
        if not is_closed(day):
            for opens, closes in week.get(day.weekday(), ()):
                begin = max(_at(day, opens, zone), cursor)
                end = _at(day, closes, zone)
                if begin >= end:
                    continue
                if _elapsed(begin, end) >= remaining:
                    return (begin.astimezone(datetime.UTC) + remaining).astimezone(zone)
                remaining -= _elapsed(begin, end)
                cursor = end
        day += datetime.timedelta(days=1)
    raise ValueError(f"no opening time within {SEARCH_DAYS} days of {start.isoformat()}")


def _at(day, moment, zone):
    return datetime.datetime.combine(day, moment, tzinfo=zone)


def _elapsed(begin, end):
    """Real time between two local moments (right across a change of clocks, where a zone has one)."""
    return end.astimezone(datetime.UTC) - begin.astimezone(datetime.UTC)
