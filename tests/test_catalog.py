"""Every string of ours has its Indonesian, so an Indonesian admin and site show no English of ours."""

from pathlib import Path

import polib

CATALOG = Path(__file__).resolve().parent.parent / "locale" / "id" / "LC_MESSAGES" / "django.po"


def test_every_string_has_a_current_indonesian_translation():
    missing = [entry.msgid for entry in polib.pofile(str(CATALOG)) if not entry.translated() or entry.fuzzy]
    assert missing == []


def test_the_compiled_catalog_is_not_older_than_its_source():
    compiled = polib.mofile(str(CATALOG.with_suffix(".mo")))
    source = polib.pofile(str(CATALOG))
    assert {entry.msgid for entry in compiled} >= {entry.msgid for entry in source.translated_entries()}
