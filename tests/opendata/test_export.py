"""``export_hsds``: an HSDS 3.0 tabular data package valid against the official schemas."""

import csv
import json

import pytest
from django.core.management import CommandError, call_command

from opendata.export import export_hsds
from opendata.identifiers import hsds_id

from .hsds_schemas import assert_valid

pytestmark = [pytest.mark.django_db, pytest.mark.sample]

PARSERS = {"number": float, "integer": int, "boolean": lambda text: text == "True"}


def read_package(folder):
    """{table: [row, …]}: cells typed as the package's fields say, empty optional cells left out."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables = {}
    for resource in package["resources"]:
        fields = {field["name"]: field for field in resource["schema"]["fields"]}
        with open(folder / resource["path"], encoding="utf-8", newline="") as handle:
            tables[resource["name"]] = [
                {
                    name: PARSERS.get(fields[name]["type"], str)(cell)
                    for name, cell in row.items()
                    if cell or fields[name]["constraints"]["required"]
                }
                for row in csv.DictReader(handle)
            ]
    return package, tables


@pytest.fixture(scope="module", params=["id", "en"])
def package(request, tmp_path_factory, django_db_setup, django_db_blocker):
    folder = tmp_path_factory.mktemp(f"hsds-{request.param}")
    with django_db_blocker.unblock():
        export_hsds(folder, request.param)
    return read_package(folder)


def test_every_row_is_valid_against_its_official_schema(package):
    descriptor, tables = package
    required = {
        resource["name"]: [field["name"] for field in resource["schema"]["fields"] if field["constraints"]["required"]]
        for resource in descriptor["resources"]
    }
    for table, rows in tables.items():
        assert rows, table
        for row in rows:
            assert_valid(f"{table}.json", row)
            assert all(row.get(name) not in (None, "") for name in required[table]), (table, row)


def test_package_has_the_directory_tables(package):
    descriptor, tables = package
    assert descriptor["profile"] == "tabular-data-package"
    assert {"organization", "service", "location", "address", "schedule", "contact", "phone"} <= set(tables)
    assert {"service_at_location", "required_document", "cost_option"} <= set(tables)
    assert hsds_id("organization", "kecamatan-licin") in {row["id"] for row in tables["organization"]}


def test_references_between_tables_resolve(package):
    _descriptor, tables = package
    ids = {table: {row["id"] for row in rows} for table, rows in tables.items()}
    assert {row["organization_id"] for row in tables["service"]} <= ids["organization"]
    assert {row["location_id"] for row in tables["service_at_location"]} <= ids["location"]
    assert {row["service_id"] for row in tables["required_document"]} <= ids["service"]
    assert {row["contact_id"] for row in tables["phone"] if "contact_id" in row} <= ids["contact"]
    assert {row["location_id"] for row in tables["schedule"]} <= ids["location"]


def test_english_package_is_in_english(package):
    descriptor, tables = package
    names = {row["name"] for row in tables["organization"]}
    assert ("Licin District" in names) == (descriptor["language"] == "en")
    assert ("Kecamatan Licin" in names) == (descriptor["language"] == "id")


def test_command_refuses_a_folder_it_cannot_write(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(CommandError, match="Cannot create the folder"):
        call_command("export_hsds", "--output", str(blocker / "hsds"))


def test_command_writes_the_package(tmp_path, capsys):
    call_command("export_hsds", "--output", str(tmp_path), "--lang", "en")
    assert (tmp_path / "datapackage.json").exists()
    assert (tmp_path / "services.csv").exists()
    assert "HSDS 3.0 (en)" in capsys.readouterr().err
