"""The announcements' fixed parts: the four categories and the index page, in both languages."""

import json
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale

from core.translation import ensure_bilingual_child, translate_snippet

from .models import AnnouncementCategory, AnnouncementIndexPage

# The categories (code: names) and the index page's texts, in both languages.
STRUCTURE = json.loads((Path(__file__).resolve().parent / "data" / "structure.json").read_text(encoding="utf-8"))
CATEGORIES = STRUCTURE["categories"]
INDEX = STRUCTURE["index"]


@transaction.atomic
def ensure_announcement_index(home):
    """Create what is missing under ``home`` (the source-language home page); change nothing that exists."""
    english, _created = Locale.objects.get_or_create(language_code="en")
    ensure_categories(home.locale, english)
    index_page = ensure_bilingual_child(home, AnnouncementIndexPage, INDEX, english)
    return index_page


def ensure_categories(source_locale, english):
    for code, names in CATEGORIES.items():
        category, _created = AnnouncementCategory.objects.get_or_create(
            code=code, locale=source_locale, defaults={"name": names["id"]}
        )
        if category.get_translation_or_none(english) is None:
            translate_snippet(category, {"name": names["en"]}, english)
