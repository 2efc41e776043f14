"""Opening hours and working time in a place's local time: pure functions and values, no models.

A place's hours are ``Period`` values: opening times on some weekdays (Monday is 0), perhaps with
a break, perhaps only between two dates (the fasting month's hours), or a dated closure. A
``Schedule`` turns them into the opening intervals of any day: dated periods first, then public
holidays (closed), then the weekly ones. The complaint clock counts working time on it
(``add_working_time``); ``core.open_now`` says whether the place is open at a moment.
"""

import csv
import dataclasses
import datetime
import functools
import zoneinfo
from pathlib import Path

import holidays

DAY_CODES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
# A week with no opening at all would never end a count: stop looking after a year and say so.
SEARCH_DAYS = 400
# Public holidays and the civil service's collective leave (cuti bersama): regency offices close on both.
HOLIDAY_CATEGORIES = ("public", "government")
# The regency's own changes to the national calendar: a local day off, or a national one it works.
REGENCY_HOLIDAYS_FILE = Path(__file__).resolve().parent / "data" / "regency-holidays.tsv"
REGENCY_CHANGES = {"closed": True, "open": False}


def days_of(code):
    """Weekday numbers of a day code: ``"Mon-Thu"`` → ``[0, 1, 2, 3]``, ``"Fri"`` → ``[4]``, ``"Sat-Mon"`` wraps."""
    first, _dash, last = code.partition("-")
    start, end = DAY_CODES.index(first), DAY_CODES.index(last or first)
    return [(start + step) % 7 for step in range((end - start) % 7 + 1)]


@dataclasses.dataclass(frozen=True)
class Period:
    """Opening hours on ``days`` (weekday numbers); no ``opens`` means closed on them.

    ``break_starts``–``break_ends`` is a pause inside the day (the Friday prayer). With
    ``first_date`` the period holds only from that date to ``last_date`` (the same day when
    empty) and replaces the weekly hours on the days it covers.
    """

    days: tuple = tuple(range(7))
    opens: datetime.time | None = None
    closes: datetime.time | None = None
    break_starts: datetime.time | None = None
    break_ends: datetime.time | None = None
    first_date: datetime.date | None = None
    last_date: datetime.date | None = None
    description: str = ""

    @property
    def closed(self):
        return self.opens is None or self.closes is None or self.closes <= self.opens

    @property
    def dated(self):
        return self.first_date is not None

    @property
    def until(self):
        """The last day of a dated period."""
        return self.last_date or self.first_date

    def covers(self, day):
        if day.weekday() not in self.days:
            return False
        return not self.dated or self.first_date <= day <= self.until

    def intervals(self):
        """The opening intervals of one covered day: two when a break falls inside the hours."""
        if self.closed:
            return []
        starts, ends = self.break_starts, self.break_ends
        if starts is None or ends is None or not self.opens < starts < ends < self.closes:
            return [(self.opens, self.closes)]
        return [(self.opens, starts), (ends, self.closes)]


def merged(intervals):
    """Sorted intervals with overlapping or touching ones joined: overlapping lines count once."""
    joined = []
    for opens, closes in sorted(intervals):
        if joined and opens <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(closes, joined[-1][1]))
        else:
            joined.append((opens, closes))
    return joined


def never_closed(day):
    return False


@functools.lru_cache(maxsize=16)
def _indonesian_holidays(year):
    return holidays.country_holidays("ID", years=year, categories=HOLIDAY_CATEGORIES)


def is_indonesian_holiday(day):
    """A national public holiday or collective leave day in Indonesia (the ``holidays`` package)."""
    return day in _indonesian_holidays(day.year)


def read_regency_changes(path):
    """``{date: True (closed) | False (open)}`` from lines ``YYYY-MM-DD<TAB>closed|open<TAB>why``; ``#`` comments."""
    changes = {}
    with open(path, encoding="utf-8", newline="") as rows:
        for number, row in enumerate(csv.reader(rows, delimiter="\t"), start=1):
            if not row or not row[0].strip() or row[0].startswith("#"):
                continue
            try:
                day = datetime.date.fromisoformat(row[0].strip())
                changes[day] = REGENCY_CHANGES[row[1].strip()]
            except (ValueError, IndexError, KeyError) as error:
                expected = "'YYYY-MM-DD<TAB>closed|open<TAB>why'"
                raise ValueError(f"{path}, line {number}: expected {expected}, got {row!r}") from error
    return changes


@functools.cache
def regency_changes():
    return read_regency_changes(REGENCY_HOLIDAYS_FILE)


def is_public_holiday(day):
    """A day regency offices close: a national holiday or collective leave, as the regency changed them."""
    change = regency_changes().get(day)
    return is_indonesian_holiday(day) if change is None else change


def holidays_between(first, last):
    """The public holidays from ``first`` to ``last``, both included, in order."""
    days = (first + datetime.timedelta(days=offset) for offset in range((last - first).days + 1))
    return [day for day in days if is_public_holiday(day)]


class Schedule:
    """A place's opening intervals on any day, from its periods and a holiday calendar."""

    def __init__(self, periods, is_holiday=is_public_holiday):
        self.weekly = [period for period in periods if not period.dated]
        self.dated = [period for period in periods if period.dated]
        self.is_holiday = is_holiday

    @classmethod
    def of_week(cls, week, is_holiday=never_closed):
        """From ``{weekday: [(opens, closes), …]}``, as ``weekly_hours`` gives it."""
        periods = [Period((day,), opens, closes) for day, intervals in week.items() for opens, closes in intervals]
        return cls(periods, is_holiday)

    def __bool__(self):
        return bool(self.weekly or self.dated)

    def intervals_on(self, day):
        """``[(opens, closes), …]`` of ``day``: a dated period wins (a closure or other hours), then a holiday."""
        dated = [period for period in self.dated if period.covers(day)]
        if dated:
            if any(period.closed for period in dated):
                return []
            return merged(interval for period in dated for interval in period.intervals())
        if self.is_holiday(day):
            return []
        return merged(interval for period in self.weekly if period.covers(day) for interval in period.intervals())

    def openings(self, start, zone=JAKARTA):
        """Each opening interval as ``(begin, end)`` aware datetimes in ``zone``, from the day of ``start`` on."""
        day = start.astimezone(zone).date()
        for _ in range(SEARCH_DAYS):
            for opens, closes in self.intervals_on(day):
                yield _at(day, opens, zone), _at(day, closes, zone)
            day += datetime.timedelta(days=1)


def weekly_hours(lines):
    """``{weekday: [(opens, closes), …]}`` from lines ``(day code, opens, closes)``, e.g. ``("Mon-Thu", …)``.

    A line that closes before it opens holds no time and is left out.
    """
    week = {}
    for code, opens, closes in lines:
        for day in days_of(code) if opens < closes else ():
            week.setdefault(day, []).append((opens, closes))
    return {day: sorted(intervals) for day, intervals in week.items()}


def add_working_time(start, duration, schedule, zone=JAKARTA):
    """The moment when ``duration`` of opening time has passed since ``start`` (an aware datetime).

    Time counts only inside the opening intervals of ``schedule`` (a ``Schedule``), in the
    local time of ``zone``. The answer is in ``zone``.
    """
    cursor = start.astimezone(zone)
    remaining = duration
    for begin, end in schedule.openings(cursor, zone):
        begin = max(begin, cursor)
        if begin >= end:
            continue
        if _elapsed(begin, end) >= remaining:
            return (begin.astimezone(datetime.UTC) + remaining).astimezone(zone)
        remaining -= _elapsed(begin, end)
        cursor = end
    raise ValueError(f"no opening time within {SEARCH_DAYS} days of {start.isoformat()}")


def _at(day, moment, zone):
    return datetime.datetime.combine(day, moment, tzinfo=zone)


def _elapsed(begin, end):
    """Real time between two local moments (right across a change of clocks, where a zone has one)."""
    return end.astimezone(datetime.UTC) - begin.astimezone(datetime.UTC)
