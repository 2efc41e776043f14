"""Editors edit breaks and special hours in the office's admin form; what cannot be is refused with a reason."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from directory.models import OpeningHours, OpeningHoursException
from tests.factories.directory import OfficePageFactory

pytestmark = pytest.mark.django_db

TIME = datetime.time


def test_the_office_form_has_the_break_and_the_special_hours(client):
    office = OfficePageFactory()
    client.force_login(get_user_model().objects.create_superuser("admin-hours", password="unused-in-tests"))
    form = client.get(f"/admin/pages/{office.pk}/edit/").content.decode()
    assert 'name="opening_hours-__prefix__-break_starts"' in form
    assert 'name="hours_exceptions-TOTAL_FORMS"' in form
    assert 'name="hours_exceptions-__prefix__-closed"' in form


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"break_starts": TIME(11, 30)}, "break_ends"),
        ({"break_starts": TIME(6), "break_ends": TIME(7)}, "break_starts"),
        ({"opens": TIME(15), "closes": TIME(8)}, "closes"),
    ],
)
def test_a_line_with_an_impossible_break_is_refused(fields, field):
    line = OpeningHours(office=OfficePageFactory(), first_day="Fri", opens=TIME(7, 30), closes=TIME(14, 30))
    for name, value in fields.items():
        setattr(line, name, value)
    with pytest.raises(ValidationError) as caught:
        line.full_clean()
    assert field in caught.value.message_dict


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"last_date": datetime.date(2027, 2, 1)}, "last_date"),
        ({"opens": None, "closes": None}, "opens"),
    ],
)
def test_special_hours_without_hours_or_with_dates_reversed_are_refused(fields, field):
    exception = OpeningHoursException(
        office=OfficePageFactory(), first_date=datetime.date(2027, 2, 8), opens=TIME(8), closes=TIME(14)
    )
    for name, value in fields.items():
        setattr(exception, name, value)
    with pytest.raises(ValidationError) as caught:
        exception.full_clean()
    assert field in caught.value.message_dict


def test_a_closed_day_needs_no_hours():
    OpeningHoursException(office=OfficePageFactory(), first_date=datetime.date(2027, 2, 8), closed=True).full_clean()
