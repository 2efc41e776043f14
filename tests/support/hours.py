"""Opening hours for tests: the regency's week with the Friday prayer break, and a clock the test moves."""

import datetime

from django.utils import timezone

from tests.factories.directory import OpeningHoursFactory

TIME = datetime.time


def add_regency_hours(office):
    """Monday–Thursday 07:30–15:30 and Friday 07:30–14:30 with the prayer break 11:30–13:00."""
    OpeningHoursFactory(
        office=office, first_day="Mon", last_day="Thu", opens=TIME(7, 30), closes=TIME(15, 30), sort_order=0
    )
    OpeningHoursFactory(
        office=office,
        first_day="Fri",
        last_day="",
        opens=TIME(7, 30),
        closes=TIME(14, 30),
        break_starts=TIME(11, 30),
        break_ends=TIME(13),
        sort_order=1,
    )
    return office


class FrozenClock:
    """``django.utils.timezone.now`` held at ``now`` until the test moves it (``clock.now = …``)."""

    def __init__(self, monkeypatch, now):
        self.now = now
        monkeypatch.setattr(timezone, "now", lambda: self.now)
