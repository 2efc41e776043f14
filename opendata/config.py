"""The publisher's choices for HSDS (``data/hsds.json``): address defaults, fee words, page sizes."""

import json
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "hsds.json"


@cache
def hsds_config():
    with open(DATA_FILE, encoding="utf-8") as handle:
        return json.load(handle)
