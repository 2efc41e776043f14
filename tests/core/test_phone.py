"""Phone numbers as citizens read and dial them, and as editors may enter them."""

import json

import pytest
from django.core.exceptions import ValidationError

from core import phone
from core.models import RegencySettings
from tests.conftest import SAMPLE_FILE


def sample_numbers():
    with open(SAMPLE_FILE, encoding="utf-8") as handle:
        data = json.load(handle)
    numbers = [data["region"]["call_center"]]
    for office_record in data["opds"]:
        numbers.append(office_record["phone"])
        for contact in office_record["contacts"]:
            numbers += [contact["phone"], contact["whatsapp"]]
    return [number for number in numbers if number]


def test_every_number_of_the_sample_data_is_accepted():
    rejected = [number for number in sample_numbers() if not phone.is_dialable(number)]
    assert rejected == []


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        ("+62 800-2725-4697", "0800-2725-4697"),
        ("0333-000-1129", "(0333) 0001129"),
        ("+628123456789", "0812-3456-789"),
        ("112", "112"),
        ("+44 20 7946 0000", "+44 20 7946 0000"),
    ],
)
def test_numbers_are_shown_as_dialled_in_indonesia(number, shown):
    assert phone.display(number) == shown


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("0333-000-1129", "tel:+623330001129"),
        ("+62 800-2725-4697", "tel:+6280027254697"),
        ("112", "tel:112"),
        ("", ""),
        ("call us", ""),
    ],
)
def test_call_links_use_the_international_form_and_short_numbers_as_they_are(number, href):
    assert phone.tel_href(number) == href


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("0812-3456-7890", "https://wa.me/6281234567890"),
        ("+62 800-7677-7192", "https://wa.me/6280076777192"),
        ("112", ""),
        ("", ""),
    ],
)
def test_whatsapp_links_take_the_digits_of_the_international_form(number, href):
    assert phone.whatsapp_href(number) == href


@pytest.mark.parametrize("number", ["", "112", "0333-000-1129", "+62 812-3456-7890"])
def test_the_validator_accepts_empty_short_and_ordinary_numbers(number):
    phone.validate_phone_number(number)


@pytest.mark.parametrize("number", ["+62 333 1", "0", "0812-3456-7890-1234-5678", "ask at the desk"])
def test_the_validator_refuses_an_impossible_number_by_name(number):
    with pytest.raises(ValidationError) as caught:
        phone.validate_phone_number(number)
    assert number in caught.value.messages[0]


@pytest.mark.django_db
def test_the_regency_settings_refuse_an_impossible_complaint_number():
    settings = RegencySettings(call_center="112", complaint_whatsapp="+62 81")
    with pytest.raises(ValidationError) as caught:
        settings.full_clean()
    assert set(caught.value.message_dict) == {"complaint_whatsapp"}


@pytest.mark.parametrize(
    "number",
    [
        "08123",  # only dialable locally, would link to tel:+6208123
        "0812345",  # an extra leading zero that phonenumbers keeps as part of the number
        "0333-421234 / 424172",  # two numbers in one field
        "0333-421234, 0333-424172",
        "0812-3456-7890 0812-3456-7891",
    ],
)
def test_a_fragment_or_a_list_of_numbers_is_refused_and_gets_no_link(number):
    assert not phone.is_dialable(number)
    assert (phone.tel_href(number), phone.whatsapp_href(number)) == ("", "")
    assert phone.display(number) == number


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        ("0333-4212", "0333-4212"),
        ("+62 333 4212", "0333 4212"),
        ("+62  800-1234-5678", "0800-1234-5678"),
    ],
)
def test_a_possible_number_without_a_national_pattern_keeps_its_trunk_zero(number, shown):
    assert phone.display(number) == shown
    assert phone.tel_href(number) == "tel:+62" + shown.removeprefix("0").replace("-", "").replace(" ", "")


@pytest.mark.parametrize("number", ["115", "123", "129", "108", "147", "112", "14017"])
def test_indonesian_service_numbers_are_accepted_and_dialled_as_they_are(number):
    phone.validate_phone_number(number)
    assert (phone.display(number), phone.tel_href(number), phone.whatsapp_href(number)) == (
        number,
        f"tel:{number}",
        "",
    )


@pytest.mark.parametrize("number", ["333", "99999"])
def test_a_short_number_that_is_no_service_number_is_refused(number):
    assert not phone.is_dialable(number)


@pytest.mark.parametrize(("number", "shown"), [("1500123", "1500-123"), ("1500-123", "1500-123")])
def test_call_centres_are_dialled_within_indonesia_without_whatsapp(number, shown):
    assert phone.display(number) == shown
    assert phone.tel_href(number) == "tel:1500123"
    assert phone.international(number) == "1500123"
    assert phone.whatsapp_href(number) == ""
