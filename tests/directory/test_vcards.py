"""'Save contact': each contact person as a vCard 3.0 file a phone imports."""

import datetime
import re
from types import SimpleNamespace

import pytest
import vobject

from directory.models import ContactLevel
from directory.transfer.vcards import vcard_text
from tests.support.html import hrefs, page

from .conftest import CONTACTS_A, OFFICE_A

CONTACT_KEY = "dispendukcapil-kadis"


def read_vcard(text):
    return vobject.readOne(text)


def phones(card):
    return {line.value: set(line.params["TYPE"]) for line in card.contents.get("tel", [])}


def contact(**fields):
    values = {
        "name": "Nizar Rahardjo, S.E.",
        "position": "Kepala Dinas; Pimpinan",
        "field_of_work": "Pelayanan, Pencatatan",
        "phone": "0333-000-2057",
        "whatsapp": "+62 800-8572-0731",
        "email": "nizar@example.go.id",
        "handles": "Pengaduan, permintaan layanan\n" + "é" * 80,
        "last_verified": datetime.date(2026, 5, 1),
        "key": CONTACT_KEY,
    }
    return SimpleNamespace(**(values | fields))


OFFICE = SimpleNamespace(title="Dinas Kependudukan; dan Pencatatan Sipil", address="Jl. Letkol Istiqlah No. 42")
URL = "https://example.go.id/id/direktori/dispendukcapil/#contact-x"
HEAD_POSITION_IN_ENGLISH = next(
    english for level, _name, _position, english in CONTACTS_A if level == ContactLevel.HEAD
)


def test_a_contact_becomes_a_vcard_that_vobject_reads_back_whole():
    card = read_vcard(vcard_text(contact(), OFFICE, URL))
    assert card.version.value == "3.0"
    assert card.fn.value == "Nizar Rahardjo, S.E."
    assert (card.n.value.given, card.n.value.suffix) == ("Nizar Rahardjo", "S.E.")
    assert card.org.value[1] == "Dinas Kependudukan; dan Pencatatan Sipil"
    assert card.title.value == "Kepala Dinas; Pimpinan"
    assert card.role.value == "Pelayanan, Pencatatan"
    assert phones(card) == {"+623330002057": {"WORK", "VOICE"}, "+6280085720731": {"CELL"}}
    assert card.email.value == "nizar@example.go.id"
    assert card.url.value == URL
    assert card.note.value == contact().handles


def test_the_vcard_has_crlf_lines_folded_at_75_octets():
    text = vcard_text(contact(), OFFICE, URL)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_one_number_for_calls_and_whatsapp_is_one_work_and_cell_phone():
    card = read_vcard(vcard_text(contact(whatsapp="0333-000-2057"), OFFICE, URL))
    assert phones(card) == {"+623330002057": {"WORK", "VOICE", "CELL"}}


def test_a_contact_without_numbers_or_e_mail_has_no_empty_lines():
    card = read_vcard(vcard_text(contact(phone="", whatsapp="", email="", field_of_work=""), OFFICE, ""))
    assert not {"tel", "email", "url", "role"} & set(card.contents)


@pytest.mark.django_db
def test_the_download_is_a_named_vcard_in_the_pages_language(client, office_a):
    head = office_a.contacts.get(level=ContactLevel.HEAD)
    response = client.get(f"/en/vcard/{head.key}.vcf")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert re.search(r'attachment; filename="[a-z-]+\.vcf"', response["Content-Disposition"])
    card = read_vcard(response.content.decode())
    assert card.title.value == HEAD_POSITION_IN_ENGLISH
    assert card.url.value.startswith("http")
    assert card.url.value.endswith(f"/en/directory/{OFFICE_A}/#contact-{head.key}")


@pytest.mark.django_db
def test_office_page_offers_save_contact_for_each_person(client, office_a):
    document = page(client, office_a.url)
    keys = list(office_a.contacts.values_list("key", flat=True))
    assert len(keys) == len(CONTACTS_A)
    for key in keys:
        assert f"/id/vcard/{key}.vcf" in hrefs(document.select_one(f"#contact-{key}"))


@pytest.mark.django_db
def test_unknown_contacts_and_contacts_of_unpublished_offices_are_not_found(client, office_a):
    head = office_a.contacts.get(level=ContactLevel.HEAD)
    assert client.get("/id/vcard/no-such-person.vcf").status_code == 404
    assert client.get(f"/id/vcard/{head.key}.vcf").status_code == 200
    office_a.unpublish()
    assert client.get(f"/id/vcard/{head.key}.vcf").status_code == 404


@pytest.mark.parametrize(
    ("name", "prefix", "given", "suffix"),
    [
        ("Dra. Hj. Nikmah Nining Rosidah, M.M.", "Dra. Hj.", "Nikmah Nining Rosidah", "M.M."),
        ("H. Cahyo Adiwijaya, S.Ak., M.Si.", "H.", "Cahyo Adiwijaya", "S.Ak., M.Si."),
        ("dr. Rina Wulandari Sp.B.", "dr.", "Rina Wulandari", "Sp.B."),
        ("Ir. Joko Susilo S.Kom. M.Si.", "Ir.", "Joko Susilo", "S.Kom., M.Si."),
        ("Moh. Syaiful, S.STP., M.H.", "", "Moh. Syaiful", "S.STP., M.H."),
        ("Halimah", "", "Halimah", ""),
    ],
)
def test_phones_file_a_contact_under_the_name_not_under_a_title(name, prefix, given, suffix):
    card = read_vcard(vcard_text(contact(name=name), OFFICE, URL))
    assert card.fn.value == name
    assert (card.n.value.prefix, card.n.value.given, card.n.value.suffix) == (prefix, given, suffix)
