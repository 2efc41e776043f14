"""The vendored official HSDS 3.0 schemas (``schema/hsds-3.0/``; see its README for source and licence)."""

import json
from functools import cache
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent / "schema" / "hsds-3.0"


def load(name):
    with open(SCHEMA_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


@cache
def table_resources():
    """The tabular format's table descriptions (``datapackage.json``), by table name."""
    return {resource["name"]: resource for resource in load("datapackage.json")["resources"]}
