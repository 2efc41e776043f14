import json

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from directory.transfer import export_offices, import_directory

pytestmark = [pytest.mark.django_db, pytest.mark.sample]


def exported(tmp_path):
    path = tmp_path / "export.json"
    call_command("export_directory", "--output", str(path))
    return json.loads(path.read_text(encoding="utf-8"))


def test_export_gives_back_the_imported_records(sample_data):
    opds = export_offices(Locale.objects.get(language_code="id"), Locale.objects.get(language_code="en"))
    assert opds == sample_data["opds"]


def test_import_of_an_export_is_a_no_op(tmp_path):
    document = exported(tmp_path)
    report = import_directory(document)
    assert not report.changed
    assert report.contacts.unchanged == sum(len(office_record["contacts"]) for office_record in document["opds"])


def test_export_keeps_the_region_and_call_centre(tmp_path, sample_data):
    document = exported(tmp_path)
    assert document["version"] == 1
    assert document["region"]["call_center"] == "112"
    assert document["region"]["complaint_channels"] == sample_data["region"]["complaint_channels"]
