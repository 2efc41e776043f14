"""Working time: a duration counted only while a place is open, in Jakarta's time, holidays skipped."""

import datetime

import pytest

from core.hours import (
    JAKARTA,
    Schedule,
    add_working_time,
    days_of,
    is_indonesian_holiday,
    never_closed,
    weekly_hours,
)

FOUR_HOURS = datetime.timedelta(hours=4)
# The regency's office hours: Monday to Thursday 07:30–15:30, Friday 07:30–14:30.
REGENCY_WEEK = weekly_hours(
    [("Mon-Thu", datetime.time(7, 30), datetime.time(15, 30)), ("Fri", datetime.time(7, 30), datetime.time(14, 30))]
)


def jakarta(*parts):
    return datetime.datetime(*parts, tzinfo=JAKARTA)


def due(start, week=REGENCY_WEEK, is_closed=is_indonesian_holiday, duration=FOUR_HOURS):
    return add_working_time(start, duration, Schedule.of_week(week, is_closed))


def test_day_codes_name_weekdays_from_monday():
    assert (days_of("Mon-Thu"), days_of("Fri"), days_of("Sat-Sun")) == ([0, 1, 2, 3], [4], [5, 6])


def test_within_opening_hours_the_clock_runs_as_a_clock():
    assert due(jakarta(2026, 12, 8, 9, 0)) == jakarta(2026, 12, 8, 13, 0)


def test_a_friday_evening_complaint_is_due_on_monday_morning():
    # Friday 11 December 2026, 19:00, after closing: Monday 07:30 plus four hours.
    assert due(jakarta(2026, 12, 11, 19, 0)) == jakarta(2026, 12, 14, 11, 30)


def test_time_left_at_closing_carries_over_to_the_next_opening():
    # Friday 13:00: an hour and a half until 14:30, two and a half hours on Monday from 07:30.
    assert due(jakarta(2026, 12, 11, 13, 0)) == jakarta(2026, 12, 14, 10, 0)


def test_a_national_holiday_is_skipped():
    # Monday 16 August 2027, 14:00; Tuesday 17 August is Independence Day.
    assert is_indonesian_holiday(datetime.date(2027, 8, 17))
    assert due(jakarta(2027, 8, 16, 14, 0)) == jakarta(2027, 8, 18, 10, 0)
    assert due(jakarta(2027, 8, 16, 14, 0), is_closed=never_closed) == jakarta(2027, 8, 17, 10, 0)


def test_an_office_open_on_saturday_counts_saturday():
    week = weekly_hours([("Mon-Sat", datetime.time(8), datetime.time(12))])
    # Friday 11 December 2026, 11:00: one hour on Friday, three on Saturday morning.
    assert due(jakarta(2026, 12, 11, 11, 0), week) == jakarta(2026, 12, 12, 11, 0)
    assert due(jakarta(2026, 12, 11, 11, 0)) == jakarta(2026, 12, 14, 8, 0)  # closed on Saturday: Monday


def test_a_break_in_the_day_is_not_counted():
    week = {0: [(datetime.time(8), datetime.time(12)), (datetime.time(13), datetime.time(16))]}
    assert due(jakarta(2026, 12, 7, 10, 0), week) == jakarta(2026, 12, 7, 15, 0)


def test_overlapping_lines_count_once():
    lines = [("Mon-Fri", datetime.time(8), datetime.time(12)), ("Mon", datetime.time(10), datetime.time(14))]
    week = weekly_hours(lines)
    assert due(jakarta(2026, 12, 7, 8, 0), week, duration=datetime.timedelta(hours=6)) == jakarta(2026, 12, 7, 14, 0)


def test_a_start_in_another_time_zone_is_counted_in_jakarta():
    start = datetime.datetime(2026, 12, 11, 12, 0, tzinfo=datetime.UTC)  # Friday 19:00 in Jakarta
    assert due(start) == jakarta(2026, 12, 14, 11, 30)


def test_a_line_closing_before_it_opens_holds_no_time():
    assert weekly_hours([("Mon", datetime.time(15), datetime.time(8))]) == {}


def test_a_week_without_opening_hours_is_refused():
    with pytest.raises(ValueError, match="no opening time"):
        due(jakarta(2026, 12, 11, 19, 0), week={})
