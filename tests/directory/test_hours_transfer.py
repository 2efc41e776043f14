"""A break in the opening hours travels through the directory file: exported, imported back unchanged, checked."""

import datetime

import pytest
from wagtail.models import Locale

from directory.models import OfficePage
from directory.transfer import DirectoryFileError, export_offices, import_directory

pytestmark = pytest.mark.django_db

FRIDAY_WITH_BREAK = {"days": "Fri", "opens": "07:30", "closes": "14:30", "break_starts": "11:30", "break_ends": "13:00"}


def with_friday_break(sample_data):
    sample_data["opds"][0]["opening_hours"] = [FRIDAY_WITH_BREAK]
    return sample_data


def test_an_imported_break_is_stored_and_exported_as_it_came(sample_data):
    import_directory(with_friday_break(sample_data))
    office = OfficePage.objects.get(stable_slug=sample_data["opds"][0]["slug"], locale__language_code="id")
    friday = office.opening_hours.get()
    assert (friday.break_starts, friday.break_ends) == (datetime.time(11, 30), datetime.time(13))
    opds = export_offices(Locale.objects.get(language_code="id"), Locale.objects.get(language_code="en"))
    assert opds[0]["opening_hours"] == [FRIDAY_WITH_BREAK]


def test_importing_the_same_break_again_changes_nothing(sample_data):
    import_directory(with_friday_break(sample_data))
    assert not import_directory(sample_data).changed


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"break_starts": "11:30"}, "give both break_starts and break_ends, or neither"),
        ({"break_starts": "06:00", "break_ends": "07:00"}, "the break must fall between the opening and closing times"),
    ],
)
def test_a_break_that_cannot_be_is_reported_and_nothing_is_written(sample_data, line, message):
    sample_data["opds"][0]["opening_hours"] = [{"days": "Fri", "opens": "07:30", "closes": "14:30", **line}]
    with pytest.raises(DirectoryFileError) as caught:
        import_directory(sample_data)
    assert f"opds[0] ({sample_data['opds'][0]['slug']}).opening_hours[0]: {message}" in caught.value.errors
