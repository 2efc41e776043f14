"""'Save contact': each contact person as a vCard 3.0 file a phone imports."""

import datetime
import re
from types import SimpleNamespace

import pytest

from directory.models import OfficePage
from directory.vcards import escape, fold, vcard_text
from tests.support.html import hrefs, page

CONTACT_KEY = "dispendukcapil-kadis"


def unfold(text):
    return text.replace("\r\n ", "")


def vcard_lines(text):
    return unfold(text).split("\r\n")


def test_text_values_escape_commas_semicolons_backslashes_and_line_breaks():
    assert escape("Budi, S.E.; Kepala\\Seksi\nBaris") == "Budi\\, S.E.\\; Kepala\\\\Seksi\\nBaris"


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character():
    line = "NOTE:" + "é" * 100
    folded = fold(line)
    physical = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert unfold(folded) == line


def test_a_contact_becomes_a_complete_vcard():
    contact = SimpleNamespace(
        name="Nizar Rahardjo, S.E.",
        position="Kepala Dinas; Pimpinan",
        phone="0333-000-2057",
        whatsapp="+62 800-8572-0731",
        email="nizar@example.go.id",
        handles="Pengaduan, permintaan layanan",
        last_verified=datetime.date(2026, 5, 1),
        key=CONTACT_KEY,
    )
    office = SimpleNamespace(title="Dinas Kependudukan dan Pencatatan Sipil", address="Jl. Letkol Istiqlah No. 42")
    text = vcard_text(contact, office, "https://example.go.id/id/direktori/dispendukcapil/#contact-x")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = vcard_lines(text)
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"]
    assert lines[-2:] == ["END:VCARD", ""]
    assert "FN:Nizar Rahardjo\\, S.E." in lines
    assert "N:;Nizar Rahardjo;;;S.E." in lines
    assert "TITLE:Kepala Dinas\\; Pimpinan" in lines
    assert "TEL;TYPE=WORK,VOICE:+623330002057" in lines
    assert "TEL;TYPE=CELL:+6280085720731" in lines
    assert "EMAIL;TYPE=INTERNET,WORK:nizar@example.go.id" in lines
    assert any(line.startswith("ORG:") and line.endswith(";Dinas Kependudukan dan Pencatatan Sipil") for line in lines)
    assert "URL:https://example.go.id/id/direktori/dispendukcapil/#contact-x" in lines
    assert "NOTE:Pengaduan\\, permintaan layanan" in lines


@pytest.mark.django_db
def test_the_download_is_a_named_vcard_in_the_pages_language(client, sample_data):
    opd = next(opd for opd in sample_data["opds"] if opd["slug"] == "dispendukcapil")
    contact = next(contact for contact in opd["contacts"] if contact["key"] == CONTACT_KEY)
    response = client.get(f"/en/vcard/{CONTACT_KEY}.vcf")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert re.search(r'attachment; filename="[a-z-]+\.vcf"', response["Content-Disposition"])
    lines = vcard_lines(response.content.decode())
    assert f"TITLE:{escape(contact['position']['en'])}" in lines
    assert any(
        line.startswith("URL:http") and line.endswith(f"/en/directory/dispendukcapil/#contact-{CONTACT_KEY}")
        for line in lines
    )


@pytest.mark.django_db
def test_office_page_offers_save_contact_for_each_person(client, sample_data):
    opd = next(opd for opd in sample_data["opds"] if opd["slug"] == "dispendukcapil")
    document = page(client, "/id/direktori/dispendukcapil/")
    for contact in opd["contacts"]:
        assert f"/id/vcard/{contact['key']}.vcf" in hrefs(document.select_one(f"#contact-{contact['key']}"))


@pytest.mark.django_db
def test_unknown_contacts_and_contacts_of_unpublished_offices_are_not_found(client):
    assert client.get("/id/vcard/no-such-person.vcf").status_code == 404
    OfficePage.objects.get(stable_slug="dispendukcapil", locale__language_code="id").unpublish()
    assert client.get(f"/id/vcard/{CONTACT_KEY}.vcf").status_code == 404
