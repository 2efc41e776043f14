"""The office's hours in its JSON-LD: the same periods as the "open now" line, valid schema.org."""

import datetime

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from core.hours import JAKARTA
from tests.factories.directory import OfficePageFactory, OpeningHoursExceptionFactory
from tests.support.hours import FrozenClock, add_regency_hours
from tests.support.html import json_ld, page

pytestmark = pytest.mark.django_db

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# schema.org's OpeningHoursSpecification as JSON Schema: days are DayOfWeek URLs, times HH:MM[:SS], dates ISO 8601.
OPENING_HOURS_SPECIFICATION = {
    "type": "object",
    "required": ["@type", "dayOfWeek", "opens", "closes"],
    "additionalProperties": False,
    "properties": {
        "@type": {"const": "OpeningHoursSpecification"},
        "dayOfWeek": {
            "type": "array",
            "minItems": 1,
            "items": {"enum": [f"https://schema.org/{day}" for day in DAYS]},
        },
        "opens": {"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$"},
        "closes": {"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$"},
        "validFrom": {"type": "string", "format": "date"},
        "validThrough": {"type": "string", "format": "date"},
        "description": {"type": "string", "minLength": 1},
    },
}


@pytest.fixture
def office(monkeypatch):
    FrozenClock(monkeypatch, datetime.datetime(2026, 12, 8, 9, 0, tzinfo=JAKARTA))
    office = add_regency_hours(OfficePageFactory())
    OpeningHoursExceptionFactory(
        office=office,
        first_date=datetime.date(2027, 2, 8),
        last_date=datetime.date(2027, 3, 9),
        first_day="Mon",
        last_day="Thu",
        opens=datetime.time(8),
        closes=datetime.time(14),
    )
    OpeningHoursExceptionFactory(office=office, first_date=datetime.date(2026, 12, 9), closed=True)
    return office


def hours_of(client, office):
    return json_ld(page(client, office.url))["openingHoursSpecification"]


def test_every_opening_hours_specification_is_valid_schema_org(client, office):
    validator = Draft202012Validator(OPENING_HOURS_SPECIFICATION, format_checker=FormatChecker())
    for specification in hours_of(client, office):
        assert not [error.message for error in validator.iter_errors(specification)], specification


def test_the_friday_break_splits_friday_in_two(client, office):
    friday = [spec for spec in hours_of(client, office) if spec["dayOfWeek"] == ["https://schema.org/Friday"]]
    weekly = [(spec["opens"], spec["closes"]) for spec in friday if "validFrom" not in spec]
    assert weekly == [("07:30", "11:30"), ("13:00", "14:30")]


def test_special_hours_and_closures_carry_their_dates(client, office):
    dated = {
        (spec["validFrom"], spec["validThrough"], spec["opens"], spec["closes"])
        for spec in hours_of(client, office)
        if "validFrom" in spec
    }
    assert ("2027-02-08", "2027-03-09", "08:00", "14:00") in dated
    assert ("2026-12-09", "2026-12-09", "00:00", "00:00") in dated


def test_coming_public_holidays_are_published_as_closures(client, office):
    christmas = [spec for spec in hours_of(client, office) if spec.get("validFrom") == "2026-12-25"]
    assert [(spec["opens"], spec["closes"], spec["description"]) for spec in christmas] == [
        ("00:00", "00:00", "Hari libur")
    ]
