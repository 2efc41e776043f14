"""Reporting periods of the survey: a year, a semester (S1, S2) or a quarter (Q1–Q4)."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

PERIOD_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?P<part>S[12]|Q[1-4]))?$")


@dataclass(frozen=True)
class Period:
    key: str
    start: datetime.date
    end: datetime.date  # inclusive

    @property
    def label(self):
        year, _sep, part = self.key.partition("-")
        if not part:
            return _("Year %(year)s") % {"year": year}
        if part.startswith("S"):
            return _("Semester %(number)s %(year)s") % {"number": part[1], "year": year}
        return _("Quarter %(number)s %(year)s") % {"number": part[1], "year": year}

    def bounds(self):
        """Aware datetimes [start, end) in the site's time zone."""
        tz = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.start, datetime.time.min, tz)
        end = datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min, tz)
        return start, end

    def as_json(self):
        return {"key": self.key, "label": self.label, "start": self.start.isoformat(), "end": self.end.isoformat()}


def _month_end(year, month):
    if month == 12:
        return datetime.date(year, 12, 31)
    return datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)


def parse_period(value, today=None):
    """The period ``2025``, ``2025-S2`` or ``2025-Q3``; this year when empty (ValueError if malformed)."""
    if not value:
        return year_of(today or timezone.localdate())
    match = PERIOD_PATTERN.match(value)
    if not match or not 2000 <= int(match["year"]) <= 2100:
        raise ValueError(value)
    year, part = int(match["year"]), match["part"]
    if not part:
        first, last = 1, 12
    elif part.startswith("S"):
        first = 1 if part == "S1" else 7
        last = first + 5
    else:
        first = (int(part[1]) - 1) * 3 + 1
        last = first + 2
    return Period(value, datetime.date(year, first, 1), _month_end(year, last))


def year_of(day):
    return parse_period(str(day.year))


def recent_periods(today=None):
    """Choices for the results pages: this year and last year, each as a whole, by semester and by quarter."""
    today = today or timezone.localdate()
    keys = []
    for year in (today.year, today.year - 1):
        keys += [str(year), f"{year}-S1", f"{year}-S2", f"{year}-Q1", f"{year}-Q2", f"{year}-Q3", f"{year}-Q4"]
    return [parse_period(key) for key in keys]
