"""Open now: the state of an office's hours at a moment in Jakarta, when it changes, and the line that says so."""

import datetime

import pytest
from django.utils import translation

from core import hours
from core.hours import JAKARTA, Period, Schedule, read_regency_changes
from core.open_now import state_at, timeline

TIME = datetime.time
MON_THU, FRIDAY, SATURDAY = (0, 1, 2, 3), (4,), (5,)
# The regency's office hours, with the Friday prayer break.
REGENCY = [
    Period(MON_THU, TIME(7, 30), TIME(15, 30)),
    Period(FRIDAY, TIME(7, 30), TIME(14, 30), TIME(11, 30), TIME(13)),
]
# The fasting month of 2027 (8 February – 9 March): shorter days, Friday until 11:00.
FASTING_MONTH = [
    Period(MON_THU, TIME(8), TIME(14), first_date=datetime.date(2027, 2, 8), last_date=datetime.date(2027, 3, 9)),
    Period(FRIDAY, TIME(8), TIME(11), first_date=datetime.date(2027, 2, 8), last_date=datetime.date(2027, 3, 9)),
]


def jakarta(*parts):
    return datetime.datetime(*parts, tzinfo=JAKARTA)


def line(periods, moment, language="en"):
    with translation.override(language):
        return state_at(Schedule(periods), moment).label


def test_an_office_is_open_during_its_hours_and_says_when_it_closes():
    state = state_at(Schedule(REGENCY), jakarta(2026, 12, 8, 10, 0))
    assert state.is_open
    assert state.next_change == jakarta(2026, 12, 8, 15, 30)
    assert line(REGENCY, jakarta(2026, 12, 8, 10, 0)) == "Open now · closes 15:30"
    assert line(REGENCY, jakarta(2026, 12, 8, 10, 0), "id") == "Buka sekarang · tutup 15:30"


def test_the_friday_noon_break_closes_the_office_until_one():
    # Friday 11 December 2026.
    assert line(REGENCY, jakarta(2026, 12, 11, 11, 0)) == "Open now · closes 11:30"
    at_noon = state_at(Schedule(REGENCY), jakarta(2026, 12, 11, 12, 0))
    assert not at_noon.is_open
    assert at_noon.next_change == jakarta(2026, 12, 11, 13, 0)
    assert line(REGENCY, jakarta(2026, 12, 11, 12, 0)) == "Closed · opens today 13:00"
    assert line(REGENCY, jakarta(2026, 12, 11, 13, 0)) == "Open now · closes 14:30"


def test_after_friday_closing_the_office_opens_on_monday():
    assert line(REGENCY, jakarta(2026, 12, 11, 15, 0)) == "Closed · opens Monday 07:30"
    assert line(REGENCY, jakarta(2026, 12, 11, 15, 0), "id") == "Tutup · buka Senin 07:30"


def test_a_national_holiday_is_closed_and_the_next_working_day_is_named():
    # Friday 25 December 2026 (Christmas) and the collective leave around it.
    christmas = state_at(Schedule(REGENCY), jakarta(2026, 12, 25, 9, 0))
    assert not christmas.is_open
    assert christmas.next_change.date() > datetime.date(2026, 12, 25)
    assert not hours.is_public_holiday(christmas.next_change.date())
    # Tuesday 17 August 2027, Independence Day: the office opens again on Wednesday.
    assert line(REGENCY, jakarta(2027, 8, 17, 9, 0)) == "Closed · opens tomorrow 07:30"


def test_the_fasting_months_hours_replace_the_weekly_ones():
    periods = REGENCY + FASTING_MONTH
    assert line(periods, jakarta(2027, 2, 9, 7, 45)) == "Closed · opens today 08:00"
    assert line(periods, jakarta(2027, 2, 9, 9, 0)) == "Open now · closes 14:00"
    assert line(periods, jakarta(2027, 2, 12, 10, 0)) == "Open now · closes 11:00"  # Friday: no break, until 11
    assert line(periods, jakarta(2027, 2, 12, 11, 30)) == "Closed · opens Monday 08:00"
    # The day after it ends, the usual hours again.
    assert line(periods, jakarta(2027, 3, 16, 15, 0)) == "Open now · closes 15:30"


def test_a_dated_closure_closes_a_working_day():
    closed = Period(first_date=datetime.date(2026, 12, 9))
    assert line([*REGENCY, closed], jakarta(2026, 12, 9, 9, 0)) == "Closed · opens tomorrow 07:30"


def test_special_hours_open_an_office_on_a_holiday():
    hospital_day = Period(opens=TIME(8), closes=TIME(12), first_date=datetime.date(2027, 8, 17))
    assert line([*REGENCY, hospital_day], jakarta(2027, 8, 17, 9, 0)) == "Open now · closes 12:00"


def test_around_midnight_the_next_opening_is_on_the_new_day():
    # Thursday 10 December 2026 just before midnight, then Friday at midnight.
    before = state_at(Schedule(REGENCY), jakarta(2026, 12, 10, 23, 59, 59))
    assert before.next_change == jakarta(2026, 12, 11, 7, 30)
    assert line(REGENCY, jakarta(2026, 12, 10, 23, 59, 59)) == "Closed · opens tomorrow 07:30"
    assert line(REGENCY, jakarta(2026, 12, 11, 0, 0)) == "Closed · opens today 07:30"


def test_a_moment_in_another_time_zone_is_read_in_jakarta():
    # 01:00 UTC on Tuesday is 08:00 in Jakarta.
    moment = datetime.datetime(2026, 12, 8, 1, 0, tzinfo=datetime.UTC)
    assert state_at(Schedule(REGENCY), moment).is_open


def test_an_office_open_on_saturday_is_open_on_saturday_morning():
    saturdays = [*REGENCY, Period(SATURDAY, TIME(8), TIME(12))]
    assert line(saturdays, jakarta(2026, 12, 12, 9, 0)) == "Open now · closes 12:00"
    assert line(saturdays, jakarta(2026, 12, 11, 15, 0)) == "Closed · opens tomorrow 08:00"
    assert line(REGENCY, jakarta(2026, 12, 12, 9, 0)) == "Closed · opens Monday 07:30"


def test_an_opening_more_than_a_week_away_is_given_with_its_date():
    far = [Period(first_date=datetime.date(2026, 12, 7), last_date=datetime.date(2026, 12, 20)), *REGENCY]
    assert line(far, jakarta(2026, 12, 8, 9, 0)) == "Closed · opens Monday 21 December 07:30"


def test_a_schedule_that_never_opens_is_closed_with_no_next_change():
    closed_for_years = [*REGENCY, Period(first_date=datetime.date(2026, 1, 1), last_date=datetime.date(2030, 1, 1))]
    state = state_at(Schedule(closed_for_years), jakarta(2026, 12, 8, 9, 0))
    assert (state.is_open, state.next_change) == (False, None)
    assert line(closed_for_years, jakarta(2026, 12, 8, 9, 0), "id") == "Tutup"


def test_the_regency_file_adds_a_day_off_and_works_a_national_one(tmp_path, monkeypatch):
    changes = tmp_path / "regency-holidays.tsv"
    changes.write_text("# comment\n2026-12-18\tclosed\tHari Jadi\n2026-12-24\topen\tno collective leave\n")
    monkeypatch.setattr(hours, "regency_changes", lambda: read_regency_changes(changes))
    assert hours.is_public_holiday(datetime.date(2026, 12, 18))
    assert hours.is_indonesian_holiday(datetime.date(2026, 12, 24))
    assert not hours.is_public_holiday(datetime.date(2026, 12, 24))
    assert line(REGENCY, jakarta(2026, 12, 17, 16, 0)) == "Closed · opens Monday 07:30"


def test_a_malformed_regency_file_names_its_line(tmp_path):
    changes = tmp_path / "regency-holidays.tsv"
    changes.write_text("2026-12-18\tclosed\tHari Jadi\n18/12/2026\tclosed\n")
    with pytest.raises(ValueError, match=r"regency-holidays.tsv, line 2: expected"):
        read_regency_changes(changes)


def test_the_shipped_regency_file_reads():
    assert isinstance(read_regency_changes(hours.REGENCY_HOLIDAYS_FILE), dict)


def test_the_timeline_lists_each_change_and_midnight_then_where_it_ends():
    # Thursday 16:00; the list runs from Thursday's start to Saturday's.
    with translation.override("en"):
        entries = [
            (moment, state.label if state else None)
            for moment, state in timeline(Schedule(REGENCY), jakarta(2026, 12, 10, 16, 0), hours=48)
        ]
    assert entries == [
        (jakarta(2026, 12, 10, 0, 0), "Closed · opens tomorrow 07:30"),
        (jakarta(2026, 12, 11, 0, 0), "Closed · opens today 07:30"),
        (jakarta(2026, 12, 11, 7, 30), "Open now · closes 11:30"),
        (jakarta(2026, 12, 11, 11, 30), "Closed · opens today 13:00"),
        (jakarta(2026, 12, 11, 13, 0), "Open now · closes 14:30"),
        (jakarta(2026, 12, 11, 14, 30), "Closed · opens Monday 07:30"),
        (jakarta(2026, 12, 12, 0, 0), None),
    ]
