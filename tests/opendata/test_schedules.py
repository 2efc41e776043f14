"""An office's hours as HSDS schedules: breaks, special hours and closures, valid against the official schema."""

import datetime

import pytest

from core.hours import JAKARTA
from opendata.identifiers import hsds_id
from tests.factories.directory import OfficePageFactory, OpeningHoursExceptionFactory
from tests.support.hours import FrozenClock, add_regency_hours

from .hsds_schemas import assert_valid

pytestmark = [pytest.mark.django_db, pytest.mark.sample]


@pytest.fixture
def organization(client, monkeypatch):
    FrozenClock(monkeypatch, datetime.datetime(2026, 12, 8, 9, 0, tzinfo=JAKARTA))
    office = add_regency_hours(OfficePageFactory(slug="dinas-jadwal"))
    OpeningHoursExceptionFactory(
        office=office,
        first_date=datetime.date(2027, 2, 8),
        last_date=datetime.date(2027, 3, 9),
        first_day="Fri",
        opens=datetime.time(8),
        closes=datetime.time(11),
    )
    OpeningHoursExceptionFactory(office=office, first_date=datetime.date(2026, 12, 9), closed=True)
    response = client.get(f"/api/hsds/organizations/{hsds_id('organization', 'dinas-jadwal')}")
    assert response.status_code == 200, response.content
    return response.json()


def schedules(organization):
    return organization["locations"][0]["schedules"]


def test_the_organization_with_its_schedules_is_valid_hsds(organization):
    assert_valid("organization.json", organization)
    for schedule in schedules(organization):
        assert_valid("schedule.json", schedule)


def test_a_break_makes_two_weekly_schedules_for_friday(organization):
    friday = [s for s in schedules(organization) if s["byday"] == "FR" and "valid_from" not in s]
    assert [(s["opens_at"], s["closes_at"]) for s in friday] == [
        ("07:30+07:00", "11:30+07:00"),
        ("13:00+07:00", "14:30+07:00"),
    ]


def test_special_hours_hold_between_their_dates(organization):
    fasting = [s for s in schedules(organization) if s.get("valid_from") == "2027-02-08"]
    assert [(s["byday"], s["valid_to"], s["opens_at"], s["closes_at"]) for s in fasting] == [
        ("FR", "2027-03-09", "08:00+07:00", "11:00+07:00")
    ]


def test_a_closure_and_a_coming_holiday_have_no_hours(organization):
    closed = {s["valid_from"]: s for s in schedules(organization) if "opens_at" not in s}
    assert {"2026-12-09", "2026-12-25"} <= set(closed)
    assert closed["2026-12-09"]["valid_to"] == "2026-12-09"
    assert "tutup" in closed["2026-12-25"]["description"]


def test_schedule_ids_are_unique(organization):
    ids = [s["id"] for s in schedules(organization)]
    assert len(ids) == len(set(ids))
