"""Validators from the vendored official HSDS 3.0 schemas, their references resolved locally.

The schemas refer to each other by file name and the API reference by their address on
GitHub; both resolve to the files in ``opendata/schema/hsds-3.0``, so no network is needed.
"""

from functools import cache

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from opendata.schemas import SCHEMA_DIR, load

BASE_URI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
NOT_JSON_SCHEMAS = ("openapi.json", "datapackage.json")


@cache
def registry():
    resources = []
    for path in sorted(SCHEMA_DIR.rglob("*.json")):
        name = path.relative_to(SCHEMA_DIR).as_posix()
        if name not in NOT_JSON_SCHEMAS:
            resources.append((BASE_URI + name, Resource.from_contents(load(name), default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


def validator(name):
    """A validator of the schema ``name`` (``service.json``, ``compiled/service_list.json`` …), formats checked."""
    return Draft202012Validator({"$ref": BASE_URI + name}, registry=registry(), format_checker=FormatChecker())


def page_validator():
    """The ``Page`` header the API reference puts around every list."""
    return Draft202012Validator(load("openapi.json")["components"]["schemas"]["Page"], format_checker=FormatChecker())


def assert_valid(name, record):
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator(name).iter_errors(record)
    ]
    assert not errors, errors
