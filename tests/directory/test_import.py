import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page, Revision, Site

from core.models import RegencySettings
from directory.models import ContactPerson, OfficePage, ServicePage
from directory.transfer import DirectoryFileError, export_document, import_directory, validate_directory

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific, pytest.mark.sample]


def english():
    return Locale.objects.get(language_code="en")


def office_in(slug, language_code):
    return OfficePage.objects.get(stable_slug=slug, locale__language_code=language_code)


def test_import_creates_each_office_in_both_languages(sample_data):
    for office_record in sample_data["opds"]:
        assert office_in(office_record["slug"], "id").title == office_record["name"]["id"]
        assert office_in(office_record["slug"], "en").title == office_record["name"]["en"]


def test_english_office_is_a_wagtail_localize_translation_of_the_indonesian_one():
    from wagtail_localize.models import Translation

    source = office_in("dispendukcapil", "id")
    translated = office_in("dispendukcapil", "en")
    assert translated.translation_key == source.translation_key
    assert Translation.objects.filter(source__object_id=source.translation_key, target_locale=english()).exists()


def test_contacts_are_translated_with_their_office(sample_data):
    record = sample_data["opds"][1]["contacts"][0]
    source = ContactPerson.objects.get(key=record["key"], locale__language_code="id")
    translated = ContactPerson.objects.get(key=record["key"], locale=english())
    assert source.position == record["position"]["id"]
    assert translated.position == record["position"]["en"]
    assert translated.handles == record["handles"]["en"]
    assert translated.phone == source.phone == record["phone"]


def test_services_keep_their_standard_in_both_languages(sample_data):
    record = sample_data["opds"][1]["services"][0]
    source = ServicePage.objects.get(stable_slug=record["slug"], locale__language_code="id")
    translated = ServicePage.objects.get(stable_slug=record["slug"], locale=english())
    assert [block.value for block in source.requirements] == record["requirements"]["id"]
    assert [block.value for block in translated.procedure] == record["procedure"]["en"]
    assert [contact.key for contact in translated.officers()] == record["contacts"]
    assert all(contact.locale_id == english().pk for contact in translated.officers())


def test_second_run_of_the_same_file_changes_nothing(sample_data):
    revisions_before = Revision.objects.count()
    pages_before = Page.objects.count()
    report = import_directory(sample_data)
    assert not report.changed
    assert report.offices.unchanged == len(sample_data["opds"])
    assert report.services.unchanged == sum(len(office_record["services"]) for office_record in sample_data["opds"])
    assert Revision.objects.count() == revisions_before
    assert Page.objects.count() == pages_before


def test_changed_records_are_updated_in_both_languages(sample_data):
    office_record = sample_data["opds"][1]
    office_record["contacts"][2]["phone"] = "0333-000-9999"
    office_record["contacts"][2]["handles"]["en"] = "Lost ID cards, fast."
    office_record["services"][0]["cost"]["en"] = "Free, paid by the regency budget"
    report = import_directory(sample_data)
    assert (report.offices.updated, report.contacts.updated, report.services.updated) == (1, 1, 1)
    key = office_record["contacts"][2]["key"]
    assert ContactPerson.objects.get(key=key, locale__language_code="id").phone == "0333-000-9999"
    assert ContactPerson.objects.get(key=key, locale=english()).handles == "Lost ID cards, fast."
    service = ServicePage.objects.get(stable_slug=office_record["services"][0]["slug"], locale=english())
    assert service.cost == "Free, paid by the regency budget"


def test_new_records_are_created_and_never_duplicated(sample_data):
    office_record = sample_data["opds"][2]
    new_contact = dict(office_record["contacts"][-1], key="kecamatan-licin-teknis-baru", email="baru@example.go.id")
    office_record["contacts"].append(new_contact)
    import_directory(sample_data)
    import_directory(sample_data)
    assert ContactPerson.objects.filter(key="kecamatan-licin-teknis-baru").count() == 2  # id and en
    assert OfficePage.objects.filter(stable_slug=office_record["slug"]).count() == 2


def test_contacts_dropped_from_the_file_are_removed(sample_data):
    office_record = sample_data["opds"][0]
    dropped = office_record["contacts"].pop()["key"]
    for service in office_record["services"]:
        kept = [key for key in service["contacts"] if key != dropped]
        service["contacts"] = kept or [office_record["contacts"][0]["key"]]
    import_directory(sample_data)
    assert not ContactPerson.objects.filter(key=dropped).exists()


def test_malformed_record_writes_nothing_and_names_record_and_field(sample_data):
    sample_data["opds"][1]["contacts"][0]["phone"] = "0333-000-1234"
    sample_data["opds"][1]["contacts"][3]["level"] = "boss"
    sample_data["opds"][2]["services"][0]["contacts"] = ["nobody-here"]
    before = ContactPerson.objects.get(key=sample_data["opds"][1]["contacts"][0]["key"], locale__language_code="id")
    with pytest.raises(DirectoryFileError) as caught:
        import_directory(sample_data)
    messages = "\n".join(caught.value.errors)
    contact_key = sample_data["opds"][1]["contacts"][3]["key"]
    assert f"opds[1] (dispendukcapil).contacts[3] ({contact_key}).level" in messages
    assert "'nobody-here' is not a contact of this office" in messages
    after = ContactPerson.objects.get(pk=before.pk)
    assert after.phone == before.phone


def test_missing_and_unknown_fields_are_reported(sample_data):
    del sample_data["opds"][0]["summary"]
    sample_data["opds"][0]["services"][0]["price"] = "free"
    sample_data["opds"][0]["services"][0]["requirements"]["en"].pop()
    with pytest.raises(DirectoryFileError) as caught:
        import_directory(sample_data)
    messages = "\n".join(caught.value.errors)
    assert "opds[0] (setda): missing fields: summary" in messages
    assert "unknown fields: price" in messages
    assert "they must align" in messages


def test_duplicate_identifiers_are_rejected(sample_data):
    sample_data["opds"][2]["contacts"][1]["key"] = sample_data["opds"][2]["contacts"][0]["key"]
    with pytest.raises(DirectoryFileError, match="duplicate contact key"):
        import_directory(sample_data)


def test_command_reports_progress_and_counts(tmp_path, sample_data, capsys):
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(sample_data), encoding="utf-8")
    call_command("import_directory", str(path))
    out = capsys.readouterr().out
    assert "Importing offices: 3/3" in out
    assert "Offices: 0 created, 0 updated, 3 unchanged" in out


def test_command_refuses_invalid_json_and_changes_nothing(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"version": 1, "opds": [', encoding="utf-8")
    count = OfficePage.objects.count()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_directory", str(path))
    assert OfficePage.objects.count() == count


def test_command_refuses_a_missing_file():
    with pytest.raises(CommandError):
        call_command("import_directory", "/nonexistent/directory.json")


def test_imported_tree_is_consistent_and_english_pages_are_served(client):
    assert Page.find_problems() == ([], [], [], [], [])
    assert client.get("/en/directory/setda/").status_code == 200


def test_contact_filed_under_another_office_is_refused_with_a_clear_message(sample_data):
    moved = sample_data["opds"][1]["contacts"].pop(7)
    for service in sample_data["opds"][1]["services"]:
        service["contacts"] = [key for key in service["contacts"] if key != moved["key"]] or ["dispendukcapil-kadis"]
    sample_data["opds"][2]["contacts"].append(moved)
    with pytest.raises(DirectoryFileError, match="belongs to office 'dispendukcapil' in the database"):
        import_directory(sample_data)
    assert (
        ContactPerson.objects.get(key=moved["key"], locale__language_code="id").office.stable_slug == "dispendukcapil"
    )


def test_an_impossible_phone_number_is_reported_with_its_contact(sample_data):
    sample_data["opds"][1]["contacts"][0]["whatsapp"] = "+62 81"
    key = sample_data["opds"][1]["contacts"][0]["key"]
    with pytest.raises(DirectoryFileError) as caught:
        import_directory(sample_data)
    assert (
        f"opds[1] (dispendukcapil).contacts[0] ({key}).whatsapp: '+62 81' is not a phone number"
        in caught.value.errors[0]
    )


def test_wrong_types_and_versions_are_reported_by_field(sample_data):
    sample_data["version"] = 2
    sample_data["opds"][0]["coordinates"] = ["north", 114.3]
    sample_data["opds"][0]["opening_hours"][0]["closes"] = "06:00"
    with pytest.raises(DirectoryFileError) as caught:
        import_directory(sample_data)
    assert set(caught.value.errors) >= {
        "version: unsupported version 2; expected 1",
        "opds[0] (setda).coordinates: must be [latitude, longitude] in degrees",
        "opds[0] (setda).opening_hours[0].closes: must be after the opening time",
    }


def test_a_field_the_site_requires_may_not_be_empty_in_the_file(sample_data):
    sample_data["opds"][2]["contacts"][0]["position"]["en"] = ""
    key = sample_data["opds"][2]["contacts"][0]["key"]
    with pytest.raises(DirectoryFileError) as caught:
        import_directory(sample_data)
    assert caught.value.errors == [
        f"opds[2] (kecamatan-licin).contacts[0] ({key}).position.en: must be a non-empty string"
    ]


def test_what_editors_may_leave_empty_imports_and_exports_unchanged(sample_data):
    office_record = sample_data["opds"][2]
    service = office_record["services"][0]
    for name in ("summary", "duration", "cost", "output"):
        service[name] = {"id": "", "en": ""}
    service["requirements"] = service["procedure"] = service["keywords"] = {"id": [], "en": []}
    service["contacts"] = []
    office_record["contacts"][0]["field"] = office_record["contacts"][0]["handles"] = {"id": "", "en": ""}
    office_record["opening_hours"], office_record["coordinates"] = [], None
    import_directory(sample_data)
    exported = next(record for record in export_document()["opds"] if record["slug"] == office_record["slug"])
    assert exported == office_record


def test_an_export_of_a_service_without_keywords_imports_back_unchanged(sample_data):
    slug = sample_data["opds"][1]["services"][0]["slug"]
    ServicePage.objects.filter(stable_slug=slug).update(keywords="")
    document = export_document()
    assert validate_directory(document) == []
    report = import_directory(document)
    assert not report.changed
    assert ServicePage.objects.get(stable_slug=slug, locale__language_code="id").keyword_list == []


def test_the_command_asks_for_a_directory_page_when_the_site_has_none(tmp_path, sample_data):
    Site.objects.filter(is_default_site=True).update(root_page=office_in("setda", "id"))
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(sample_data), encoding="utf-8")
    with pytest.raises(CommandError, match="load_demo"):
        call_command("import_directory", str(path))


def test_the_regions_whatsapp_channel_needs_a_phone_number(sample_data):
    channels = sample_data["region"]["complaint_channels"]
    position = next(index for index, channel in enumerate(channels) if "WhatsApp" in channel["name"])
    channels[position]["contact"] = "wa.me/pengaduan"
    with pytest.raises(DirectoryFileError) as caught:
        import_directory(sample_data)
    assert caught.value.errors == [
        f"region.complaint_channels[{position}].contact: 'wa.me/pengaduan' is not a phone number that can be dialled"
    ]


def test_a_text_given_in_one_language_only_is_refused(sample_data):
    sample_data["opds"][0]["services"][0]["keywords"]["en"] = []
    sample_data["opds"][0]["services"][0]["duration"]["id"] = ""
    slug = sample_data["opds"][0]["services"][0]["slug"]
    with pytest.raises(DirectoryFileError) as caught:
        import_directory(sample_data)
    where = f"opds[0] (setda).services[0] ({slug})"
    assert caught.value.errors == [
        f"{where}.duration: 'id' and 'en' must both be empty or both be given",
        f"{where}.keywords: 'id' and 'en' must both be empty or both be given",
    ]


def import_errors(data):
    """The messages of an import that must fail."""
    with pytest.raises(DirectoryFileError) as caught:
        import_directory(data)
    return caught.value.errors


def channel_position(sample_data, word):
    channels = sample_data["region"]["complaint_channels"]
    return next(index for index, channel in enumerate(channels) if word in channel["name"].lower())


def test_region_values_the_settings_cannot_hold_are_reported_and_change_nothing(sample_data):
    before = RegencySettings.load()
    region = sample_data["region"]
    sms, lapor = channel_position(sample_data, "sms"), channel_position(sample_data, "lapor")
    region["response_time_hours"] = 10**9
    region["complaint_channels"][sms]["contact"] = "0812-3456-7890" + " " * 30
    region["complaint_channels"][lapor]["contact"] = "javascript:alert(1)"
    errors = import_errors(sample_data)
    assert set(errors) == {
        "region.response_time_hours: must be at most 32767",
        f"region.complaint_channels[{sms}].contact: must be at most 40 characters",
        f"region.complaint_channels[{lapor}].contact: 'javascript:alert(1)' is not a web address (http or https)",
    }
    after = RegencySettings.load()
    assert (after.response_hours, after.complaint_sms, after.lapor_url) == (
        before.response_hours,
        before.complaint_sms,
        before.lapor_url,
    )


def test_a_nul_character_anywhere_is_reported_with_its_record_and_field(sample_data):
    contact = sample_data["opds"][1]["contacts"][0]
    old_name = contact["name"]
    contact["name"] = "Budi\u0000"
    sample_data["opds"][1]["services"][0]["keywords"]["en"][0] = "id card\u0000"
    sample_data["region"]["complaint_channels"][0]["description"]["en"] = "\u0000"
    slug = sample_data["opds"][1]["services"][0]["slug"]
    errors = import_errors(sample_data)
    nul = "must not contain the NUL character (\\u0000)"
    assert errors == [
        f"region.complaint_channels[0]: description {nul}",
        f"opds[1] (dispendukcapil).contacts[0] ({contact['key']}).name: {nul}",
        f"opds[1] (dispendukcapil).services[0] ({slug}).keywords.en[0]: {nul}",
    ]
    assert ContactPerson.objects.get(key=contact["key"], locale__language_code="id").name == old_name


def test_aliases_and_days_that_would_not_read_back_the_same_are_refused(sample_data):
    office_record = sample_data["opds"][0]
    old_names = office_in(office_record["slug"], "id").other_names
    office_record["aliases"] = ["Setda, Sekretariat", "  ", " Setkab"]
    office_record["opening_hours"][0]["days"] = "Mon-Mon"
    errors = import_errors(sample_data)
    rule = "must not be blank, contain a comma or start or end with a space"
    assert errors == [
        f"opds[0] (setda).aliases[0]: alias 'Setda, Sekretariat' {rule}",
        f"opds[0] (setda).aliases[1]: alias '  ' {rule}",
        f"opds[0] (setda).aliases[2]: alias ' Setkab' {rule}",
        "opds[0] (setda).opening_hours[0].days: write one day as 'Mon', not 'Mon-Mon'",
    ]
    assert office_in(office_record["slug"], "id").other_names == old_names
